using System.Net;

namespace Robson.Cli.Commands.Serve;

/// <summary>
/// Where <c>robson serve</c> listens and how: checked by the CLI before it starts the server, and again by the server
/// itself (which can be started directly), so that neither ever listens beyond this machine in clear text by accident.
/// </summary>
public sealed record ServeSettings(IReadOnlyList<Uri> Urls, string? TlsCertificate, string? TlsKey, bool InsecureHttp)
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public const int DefaultConcurrency = 16;

    /// <summary>Requests run at once; more wait for a slot (each running request holds database connections).</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>Checks the combination: bad input is a <see cref="UsageException"/> naming what to change.</summary>
    public static ServeSettings Create(string? urls, string? certificate, string? key, bool insecureHttp)
    {
        var parsed = (string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseUrl).ToArray();
        if (parsed.Length == 0) throw new UsageException("--urls needs at least one address, e.g. http://127.0.0.1:8080");
        if ((certificate is null) != (key is null))
            throw new UsageException("--tls-certificate and --tls-key go together (PEM files: the certificate chain and its private key)");
        var tls = certificate is not null;
        if (tls)
        {
            foreach (var file in new[] { certificate!, key! })
                if (!File.Exists(file)) throw new UsageException($"TLS file not found: {file}");
            if (!parsed.Any(u => u.Scheme == Uri.UriSchemeHttps))
                throw new UsageException("--tls-certificate is given but no address is https://: use --urls https://HOST:PORT");
        }
        foreach (var url in parsed)
        {
            if (url.Scheme == Uri.UriSchemeHttps && !tls)
                throw new UsageException($"{url} is https:// but no certificate is given: add --tls-certificate FILE --tls-key FILE");
            if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url) && !insecureHttp)
                throw new UsageException(
                    $"refusing to serve {url} in clear text beyond this machine (tokens would cross the network readable): " +
                    "use https:// with --tls-certificate and --tls-key, or --insecure-http if a TLS proxy in front of it is yours");
        }
        return new ServeSettings(parsed, certificate, key, insecureHttp);
    }

    public static int ParseConcurrency(string? text)
    {
        if (text is null) return DefaultConcurrency;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1024
            ? n
            : throw new UsageException($"--concurrency must be a whole number from 1 to 1024, got '{text}'");
    }

    /// <summary>The arguments that give these settings to the server executable.</summary>
    public IReadOnlyList<string> ToArgs()
    {
        var args = new List<string> { "--urls", string.Join(';', Urls.Select(u => u.GetLeftPart(UriPartial.Authority))) };
        if (TlsCertificate is not null) args.AddRange(["--tls-certificate", Path.GetFullPath(TlsCertificate), "--tls-key", Path.GetFullPath(TlsKey!)]);
        if (InsecureHttp) args.Add("--insecure-http");
        args.AddRange(["--concurrency", Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return args;
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.AbsolutePath != "/" || !string.IsNullOrEmpty(url.Query))
            throw new UsageException($"--urls: '{text}' is not an address like http://127.0.0.1:8080 (scheme, host, port; no path)");
        return url;
    }
}
