namespace Robson.Core.Hashing;

/// <summary>
/// Unpredictable bytes for ids (plans, executions, audit events: ids nobody can guess). On Linux and macOS they come
/// straight from the kernel's generator (/dev/urandom), because .NET's RandomNumberGenerator there first loads and
/// initialises OpenSSL, a sixth of a cold command's time. Elsewhere, or if the device cannot be read, the platform's.
/// </summary>
public static class SecureRandom
{
    private const string Device = "/dev/urandom";

    public static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        if (OperatingSystem.IsWindows() || !FromDevice(bytes))
            System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return bytes;
    }

    private static bool FromDevice(byte[] buffer)
    {
        try
        {
            using var device = new FileStream(Device, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            device.ReadExactly(buffer);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}
