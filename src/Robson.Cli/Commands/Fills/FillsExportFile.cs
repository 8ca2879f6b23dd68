using System.Globalization;
using System.Text;
using System.Text.Json;
using Robson.Core.Domain;
using Robson.Core.Reporting;

namespace Robson.Cli.Commands.Fills;

/// <summary>The fills export's two formats, written one fill at a time; each returns how many rows it wrote.</summary>
internal static class FillsExportFile
{
    public static readonly string[] Columns =
        ["time", "venue", "symbol", "side", "price", "quantity", "fee", "fee_asset", "fee_in_quote", "order_id", "venue_order_id", "trade_id"];

    /// <summary>Fixed-width UTC with 7 fractional digits, as stored: sorts as text, parses everywhere.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 with a header row and CRLF line ends; amounts in invariant culture, exactly as stored (no exponent, no rounding).</summary>
    public static int WriteCsv(TextWriter writer, IEnumerable<FillLine> lines)
    {
        writer.Write(string.Join(',', Columns) + "\r\n");
        var rows = 0;
        foreach (var line in lines)
        {
            var f = line.Fill;
            string?[] cells =
            [
                Time(f.FilledAt), f.Venue, f.Symbol.Value, f.Side.Wire(), Decimals.Canonical(f.Price), Decimals.Canonical(f.Quantity),
                Decimals.Canonical(f.Fee), f.FeeAsset, Decimals.Canonical(f.FeeInQuote), f.ClientOrderId, line.VenueOrderId, line.TradeId,
            ];
            writer.Write(string.Join(',', cells.Select(ExportFile.Csv)) + "\r\n");
            rows++;
        }
        return rows;
    }

    /// <summary>One JSON object per line, the CSV's columns as keys; amounts are JSON numbers written as the CSV writes them.</summary>
    public static int WriteJsonl(TextWriter writer, IEnumerable<FillLine> lines)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var rows = 0;
        foreach (var line in lines)
        {
            var f = line.Fill;
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, options))
            {
                json.WriteStartObject();
                json.WriteString("time", Time(f.FilledAt));
                json.WriteString("venue", f.Venue);
                json.WriteString("symbol", f.Symbol.Value);
                json.WriteString("side", f.Side.Wire());
                // Raw canonical text: a decimal written by the serializer keeps trailing zeros of its scale, which differs by engine.
                json.WritePropertyName("price"); json.WriteRawValue(Decimals.Canonical(f.Price));
                json.WritePropertyName("quantity"); json.WriteRawValue(Decimals.Canonical(f.Quantity));
                json.WritePropertyName("fee"); json.WriteRawValue(Decimals.Canonical(f.Fee));
                json.WriteString("fee_asset", f.FeeAsset);
                json.WritePropertyName("fee_in_quote"); json.WriteRawValue(Decimals.Canonical(f.FeeInQuote));
                json.WriteString("order_id", f.ClientOrderId);
                json.WriteString("venue_order_id", line.VenueOrderId);
                json.WriteString("trade_id", line.TradeId);
                json.WriteEndObject();
            }
            writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n");
            rows++;
        }
        return rows;
    }
}
