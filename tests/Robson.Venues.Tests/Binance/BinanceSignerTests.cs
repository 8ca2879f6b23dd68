using Robson.Venues.Binance;

namespace Robson.Venues.Tests.Binance;

public sealed class BinanceSignerTests
{
    [Fact]
    public void Sign_DocumentedExample_GivesTheDocumentedSignature()
    {
        const string secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        const string payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", BinanceSigner.Sign(secret, payload));
    }

    [Fact]
    public void Sign_NonAsciiIsPercentEncodedBeforeSigning() =>
        Assert.Equal(BinanceSigner.Sign("s", "symbol=%E4%BD%A0"), BinanceSigner.Sign("s", "symbol=你"));

    [Fact]
    public void PercentEncode_LeavesAsciiAlone() =>
        Assert.Equal("a=b&c=d", BinanceSigner.PercentEncodeNonAscii("a=b&c=d"));
}
