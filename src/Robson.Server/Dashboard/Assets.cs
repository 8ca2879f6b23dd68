using Microsoft.AspNetCore.Http;

namespace Robson.Server.Dashboard;

/// <summary>The dashboard's stylesheet and script, embedded in the binary: nothing is fetched from anywhere else.</summary>
public static class Assets
{
    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = new(StringComparer.Ordinal)
    {
        ["robson.css"] = ("text/css; charset=utf-8", Load("robson.css")),
        ["robson.js"] = ("text/javascript; charset=utf-8", Load("robson.js")),
    };

    public static async Task Serve(HttpContext http, string file)
    {
        DashboardEndpoints.Headers(http);
        if (!Files.TryGetValue(file, out var asset))
        {
            http.Response.StatusCode = 404;
            return;
        }
        http.Response.ContentType = asset.ContentType;
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.WriteAsync(asset.Bytes);
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("Robson.Server.Dashboard.Assets." + name)
                           ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded in the binary");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
