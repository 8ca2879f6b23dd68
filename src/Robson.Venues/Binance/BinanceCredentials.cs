namespace Robson.Venues.Binance;

/// <summary>An API key and secret. Never printed: <see cref="ToString"/> hides both.</summary>
public sealed class BinanceCredentials(string apiKey, string apiSecret)
{
    public string ApiKey { get; } = apiKey;
    internal string ApiSecret { get; } = apiSecret;

    public override string ToString() => "BinanceCredentials(***)";
}
