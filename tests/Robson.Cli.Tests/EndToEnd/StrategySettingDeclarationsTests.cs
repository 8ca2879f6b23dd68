using System.Text.Json;
using Robson.Core.Strategies;
using static Robson.Cli.Tests.EndToEnd.AuditTampering;

namespace Robson.Cli.Tests.EndToEnd;

/// <summary>
/// Walks the declaration table through the real CLI: every declared setting is an option of strategy create and
/// strategy set, is set by it, survives storage (show reads it back), and appears in --json, the human report and
/// the audit under its name. Rows stored before a setting existed read as its default.
/// </summary>
public sealed class StrategySettingDeclarationsTests : IDisposable
{
    private readonly Support.Robson _robson = new();

    public void Dispose() => _robson.Dispose();

    public static TheoryData<string> Settings => [.. StrategySettingDeclarations.All.Select(s => s.Name)];

    private static StrategySetting Declared(string name) => StrategySettingDeclarations.All.Single(s => s.Name == name);

    /// <summary>Inputs tried in turn until one is accepted and differs from the default; a new kind adds one here.</summary>
    private static readonly string[] SampleInputs = ["7", "true", "ETHUSDT", "limit", "sell", "close"];

    private static string SampleInput(StrategySetting setting) =>
        SampleInputs.First(text => setting.Parse(text) is { Success: true } p && !SameValue(p.Value.Value, setting.Default));

    private static bool SameValue(SettingValue a, SettingValue b) => (a, b) switch
    {
        (SettingValue.Words x, SettingValue.Words y) => x.Wire.SequenceEqual(y.Wire),
        _ => a == b,
    };

    /// <summary>What <see cref="Create"/> without options stores: the defaults plus the required risk settings.</summary>
    private static readonly StrategySettings PlainSettings = StrategyChanges
        .Of(Support.Robson.RequiredRisk.Select(r => StrategySettingDeclarations.All.Single(s => s.Option == r.Option).Parse(r.Value).Value))
        .ApplyTo(new StrategySettings());

    private string Create(params string[] options) =>
        _robson.Expect(0, ["strategy", "create", "--client-id", "1", "--name", "s" + Guid.NewGuid().ToString("N")[..8], "--json", .. Support.Robson.WithRequiredRisk(options)])
            .Json.GetProperty("strategy_id").GetInt64().ToString();

    private JsonElement ShowJson(string id) => _robson.Expect(0, "strategy", "show", id, "--client-id", "1", "--json").Json;

    private string HumanLine(string id, StrategySetting setting) =>
        Assert.Single(_robson.Expect(0, "strategy", "show", id, "--client-id", "1").Stdout.Split('\n'), l => l.StartsWith($"    {setting.Name}: ", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Settings))]
    public void Setting_IsAnOptionOfCreateAndSet_WithItsDescription(string name)
    {
        var setting = Declared(name);

        foreach (var command in new[] { "create", "set" })
        {
            var help = _robson.Expect(0, "strategy", command, "--help").Stdout;
            Assert.Contains($"  {setting.Option}", help);
            Assert.Contains(setting.Description, help);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Setting_GivenToCreate_IsStoredAndShown_InJsonAndHuman(string name)
    {
        var setting = Declared(name);
        var plain = Create();

        var given = Create(setting.Option, SampleInput(setting));

        var stored = ShowJson(given).GetProperty(name);
        Assert.Equal(ExpectedKind(setting.Read(PlainSettings)), ShowJson(plain).GetProperty(name).ValueKind);
        Assert.NotEqual(ShowJson(plain).GetProperty(name).GetRawText(), stored.GetRawText());
        Assert.NotEqual(HumanLine(plain, setting), HumanLine(given, setting));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Setting_GivenToSet_ChangesOnlyIt_AndIsAudited(string name)
    {
        var setting = Declared(name);
        var id = Create();
        var before = ShowJson(id);

        var run = _robson.Expect(0, "strategy", "set", id, "--client-id", "1", setting.Option, SampleInput(setting), "--json");

        var after = ShowJson(id);
        Assert.Equal(run.Json.GetProperty(name).GetRawText(), after.GetProperty(name).GetRawText());
        foreach (var other in StrategySettingDeclarations.All.Where(s => s != setting))
            Assert.Equal(before.GetProperty(other.Name).GetRawText(), after.GetProperty(other.Name).GetRawText());
        var audited = _robson.Expect(0, "audit", "list", "--client-id", "1", "--json").Json.GetProperty("events")[0].GetProperty("details");
        Assert.True(audited.TryGetProperty(name, out _), $"{name} is not in the audit details of STRATEGY_CHANGED");
    }

    [Fact]
    public void EverySetting_RoundTripsThroughStorage_AllAtOnce()
    {
        var options = StrategySettingDeclarations.All.SelectMany(s => new[] { s.Option, SampleInput(s) }).ToArray();

        var created = _robson.Expect(0, ["strategy", "create", "--client-id", "1", "--name", "all", "--json", .. options]).Json;

        var shown = ShowJson(created.GetProperty("strategy_id").GetInt64().ToString());
        foreach (var setting in StrategySettingDeclarations.All)
            Assert.Equal(Canonical(created.GetProperty(setting.Name)), Canonical(shown.GetProperty(setting.Name)));
    }

    [Fact]
    public void Storage_KeepsDecimalsAsCanonicalText_UnderTheDeclaredNames()
    {
        var id = Create("--max-loss-per-day", "12.50", "--max-slippage-percent", "1.50", "--allowed-order-types", "limit");

        var json = Scalar<string>(_robson.DatabasePath, $"SELECT settings_json FROM strategies WHERE id = {id}");

        Assert.Equal(
            """{"max_drawdown_percent":"20","stop_loss_percent":"5","max_position_size_percent":null,"stop_limit_offset_percent":"0.5","on_protection_failure":["alert"],"max_orders_per_day":null,"max_notional_per_day":null,"max_loss_per_day":"12.5","live_enabled":false,"allowed_symbols":[],"allowed_order_types":["LIMIT"],"max_notional_per_order":null,"validation_ttl_minutes":15,"price_collar_percent":"5","slippage_warning_percent":"0.5","max_slippage_percent":"1.5","send_time_max_data_age_seconds":5,"allowed_plan_kinds":["buy","sell","rebalance","cancel"]}""",
            json);
    }

    [Fact]
    public void RowStoredBeforeLaterSettingsExisted_ReadsTheirDefaults_AndKeepsTheRest()
    {
        var id = Create();
        // settings_json as the first version wrote it, before price_collar_percent, slippage_warning_percent,
        // allowed_plan_kinds, max_slippage_percent and send_time_max_data_age_seconds existed.
        const string OldRow =
            """{"max_drawdown_percent":"20.5","stop_loss_percent":null,"max_position_size_percent":null,"max_orders_per_day":10,"max_notional_per_day":null,"max_loss_per_day":"12.5","live_enabled":true,"allowed_symbols":["BTCUSDT"],"allowed_order_types":["LIMIT"],"max_notional_per_order":null,"validation_ttl_minutes":7}""";
        Sql(_robson.DatabasePath, $"UPDATE strategies SET settings_json = '{OldRow}' WHERE id = {id}");

        var shown = ShowJson(id);

        Assert.Equal(20.5m, shown.GetProperty("max_drawdown_percent").GetDecimal());
        Assert.Equal(10, shown.GetProperty("max_orders_per_day").GetInt32());
        Assert.Equal(12.5m, shown.GetProperty("max_loss_per_day").GetDecimal());
        Assert.True(shown.GetProperty("live_enabled").GetBoolean());
        Assert.Equal("[\"BTCUSDT\"]", Canonical(shown.GetProperty("allowed_symbols")));
        Assert.Equal("[\"limit\"]", Canonical(shown.GetProperty("allowed_order_types")));
        Assert.Equal(7, shown.GetProperty("validation_ttl_minutes").GetInt32());
        Assert.Equal(5m, shown.GetProperty("price_collar_percent").GetDecimal());
        Assert.Equal(0.5m, shown.GetProperty("slippage_warning_percent").GetDecimal());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("max_slippage_percent").ValueKind);
        Assert.Equal(5, shown.GetProperty("send_time_max_data_age_seconds").GetInt32());
        Assert.Equal("[\"buy\",\"sell\",\"rebalance\",\"cancel\"]", Canonical(shown.GetProperty("allowed_plan_kinds")));
    }

    private static JsonValueKind ExpectedKind(SettingValue value) => value switch
    {
        SettingValue.Number or SettingValue.WholeNumber => JsonValueKind.Number,
        SettingValue.Flag f => f.Value ? JsonValueKind.True : JsonValueKind.False,
        SettingValue.Words => JsonValueKind.Array,
        _ => JsonValueKind.Null,
    };

    /// <summary>Compact JSON, numbers compared by value (create echoes 7.0 where storage gives back 7).</summary>
    private static string Canonical(JsonElement element) => element.ValueKind == JsonValueKind.Number
        ? Core.Domain.Decimals.Canonical(element.GetDecimal())
        : JsonSerializer.Serialize(element);
}
