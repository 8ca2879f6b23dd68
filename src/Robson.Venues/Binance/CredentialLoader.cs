using System.Runtime.InteropServices;

namespace Robson.Venues.Binance;

/// <summary>
/// Finds a venue's credentials: the environment variables ROBSON_&lt;VENUE&gt;_API_KEY and ROBSON_&lt;VENUE&gt;_API_SECRET
/// (venue name upper-cased, other characters as '_'), else the venue's credentials file: two lines
/// <c>api_key=...</c> and <c>api_secret=...</c>, readable by its owner only. Messages never contain a secret.
/// </summary>
public static class CredentialLoader
{
    public static string VariablePrefix(string venue) => Core.Ports.VenueConfig.CredentialVariablePrefix(venue);

    /// <summary>A venue with a credentials file reads only that file; otherwise the environment.</summary>
    public static BinanceCredentials Load(string venue, string? credentialsFile, Func<string, string?> environment)
    {
        if (credentialsFile is not null)
            return FromFile(venue, credentialsFile);
        var prefix = VariablePrefix(venue);
        var key = environment(prefix + "API_KEY");
        var secret = environment(prefix + "API_SECRET");
        if (!string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(secret))
            return new BinanceCredentials(key, secret);
        throw new VenueConfigurationException(
            $"no credentials for venue '{venue}': set {prefix}API_KEY and {prefix}API_SECRET, or give `venue add --credentials-file PATH`");
    }

    /// <summary>Reads a credentials file after checking that only its owner can read it.</summary>
    public static BinanceCredentials FromFile(string venue, string path)
    {
        CheckPrivate(path);
        string? key = null, secret = null;
        foreach (var line in File.ReadAllLines(path))
        {
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var name = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (name == "api_key") key = value;
            else if (name == "api_secret") secret = value;
        }
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
            throw new VenueConfigurationException($"credentials file for venue '{venue}' must have lines api_key=... and api_secret=...");
        return new BinanceCredentials(key, secret);
    }

    /// <summary>Refuses a credentials file that group or others may read or write (mode wider than 0600).</summary>
    public static void CheckPrivate(string path)
    {
        if (!File.Exists(path))
            throw new VenueConfigurationException($"credentials file '{path}' does not exist");
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode wider = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                   UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if ((mode & wider) != 0)
            throw new VenueConfigurationException(
                $"credentials file '{path}' is readable by others (mode {Convert.ToString((int)mode, 8)}): run `chmod 600 {path}`");
    }
}

/// <summary>A venue cannot be used as configured (missing credentials, unsafe file, bad URL). Reported, never a stack trace.</summary>
public sealed class VenueConfigurationException(string message) : Exception(message);
