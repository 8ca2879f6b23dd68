// The tests exercise Unix file modes (credentials files); they run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
