using System.Reflection;
using System.Text.RegularExpressions;
using Robson.Core.Domain;
using Robson.Core.Strategies;

namespace Robson.Core.Tests.Strategies;

/// <summary>
/// Walks the declaration table: every setting has a unique snake_case name, its CLI option, a description, an
/// input rule, and a getter and setter that reach the same typed property and no other. The storage, --json and
/// human adapters are walked end to end in Robson.Cli.Tests (EndToEnd/StrategySettingDeclarationsTests).
/// </summary>
public sealed partial class StrategySettingDeclarationsTests
{
    public static TheoryData<string> Settings => [.. StrategySettingDeclarations.All.Select(s => s.Name)];

    private static StrategySetting Declared(string name) => StrategySettingDeclarations.All.Single(s => s.Name == name);

    /// <summary>Inputs tried in turn until one is accepted and differs from the default; a new kind adds one here.</summary>
    private static readonly string[] SampleInputs = ["7", "true", "ETHUSDT", "limit", "sell", "close"];

    private static StrategyChange Sample(StrategySetting setting) =>
        SampleInputs.Select(setting.Parse).Where(p => p.Success).Select(p => p.Value)
            .FirstOrDefault(change => Text(change.Value) != Text(setting.Default))
        ?? throw new Xunit.Sdk.XunitException($"no sample input is accepted by {setting.Name}: add one to {nameof(SampleInputs)}");

    /// <summary>A value as comparable text (lists are compared by content).</summary>
    private static string Text(SettingValue value) => value switch
    {
        SettingValue.Words w => $"Words[{string.Join(",", w.Wire)}|{string.Join(",", w.Shown)}|{w.EmptyMeansAll}]",
        _ => value.ToString(),
    };

    [Fact]
    public void All_ListsEveryDeclaredSetting_Once()
    {
        var declared = typeof(StrategySettingDeclarations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(StrategySetting).IsAssignableFrom(f.FieldType))
            .Select(f => (StrategySetting)f.GetValue(null)!).ToList();

        Assert.Equal(declared.Count, StrategySettingDeclarations.All.Distinct().Count());
        Assert.Equal(declared.OrderBy(s => s.Name), StrategySettingDeclarations.All.OrderBy(s => s.Name));
    }

    [Fact]
    public void Names_AreUniqueSnakeCase_AndOptionsTheSameNameInKebabCase()
    {
        Assert.All(StrategySettingDeclarations.All, s =>
        {
            Assert.Matches(SnakeCase(), s.Name);
            Assert.Equal("--" + s.Name.Replace('_', '-'), s.Option);
        });
        Assert.Equal(StrategySettingDeclarations.All.Count, StrategySettingDeclarations.All.Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Description_IsOneSentence(string name)
    {
        var description = Declared(name).Description;

        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.DoesNotContain('\n', description);
        Assert.EndsWith(".", description);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Description_StatesANumericDefault(string name)
    {
        var setting = Declared(name);
        var expected = setting.Default switch
        {
            SettingValue.Number n => $"(default {Decimals.Canonical(n.Value)})",
            SettingValue.WholeNumber w => $"(default {w.Value})",
            _ => null,
        };

        if (expected is not null) Assert.Contains(expected, setting.Description);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Change_SetsThisSettingAndNoOther(string name)
    {
        var setting = Declared(name);
        var change = Sample(setting);

        var changed = StrategyChanges.Of(change).ApplyTo(new StrategySettings());

        Assert.Equal(Text(change.Value), Text(setting.Read(changed)));
        Assert.All(StrategySettingDeclarations.All.Where(other => other != setting),
            other => Assert.Equal(Text(other.Default), Text(other.Read(changed))));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Write_OfRead_GivesTheSameValue(string name)
    {
        var setting = Declared(name);
        var changed = Sample(setting).ApplyTo(new StrategySettings());

        var written = setting.Write(new StrategySettings(), setting.Read(changed));

        Assert.Equal(Text(setting.Read(changed)), Text(setting.Read(written)));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Parse_RefusesNonsense_WithAOneLineReasonQuotingIt(string name)
    {
        var parsed = Declared(name).Parse("@@");

        Assert.False(parsed.Success);
        Assert.Contains("'@@'", parsed.Error);
        Assert.DoesNotContain('\n', parsed.Error);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Parse_Numbers_RefuseZeroAndNegative(string name)
    {
        var setting = Declared(name);
        if (Sample(setting).Value is not (SettingValue.Number or SettingValue.WholeNumber)) return;

        Assert.All(new[] { "0", "-1", "abc" }, text =>
        {
            var parsed = setting.Parse(text);
            Assert.False(parsed.Success);
            Assert.StartsWith(setting.Option + " must be ", parsed.Error);
        });
    }

    [Fact]
    public void Parse_PositiveDecimal_AtTheSmallestStep_Accepted()
    {
        Assert.True(StrategySettingDeclarations.MaxSlippagePercent.Parse("0.0001").Success);
    }

    [Fact]
    public void Parse_WholeNumber_One_Accepted_Fraction_Refused()
    {
        Assert.True(StrategySettingDeclarations.SendTimeMaxDataAgeSeconds.Parse("1").Success);
        Assert.False(StrategySettingDeclarations.SendTimeMaxDataAgeSeconds.Parse("1.5").Success);
    }

    [Fact]
    public void Defaults_MaxSlippageUnset_SendTimeDataAgeFiveSeconds()
    {
        Assert.Equal(SettingValue.None, StrategySettingDeclarations.MaxSlippagePercent.Default);
        Assert.Equal(new SettingValue.WholeNumber(5), StrategySettingDeclarations.SendTimeMaxDataAgeSeconds.Default);
    }

    [Fact]
    public void Changes_Empty_ChangeNothing()
    {
        var settings = new StrategySettings { MaxLossPerDay = 10m };

        Assert.True(StrategyChanges.None.IsEmpty);
        Assert.Same(settings, StrategyChanges.None.ApplyTo(settings));
    }

    [Fact]
    public void Changes_TheSameSettingTwice_IsABug()
    {
        var setting = StrategySettingDeclarations.MaxLossPerDay;

        Assert.Throws<ArgumentException>(() => StrategyChanges.Of(setting.Change(1m), setting.Change(2m)));
    }

    [Fact]
    public void Changes_LeaveSettingsNotGivenAsTheyWere()
    {
        var current = new StrategySettings { MaxLossPerDay = 10m, MaxSlippagePercent = 1m };

        var updated = StrategyChanges.Of(StrategySettingDeclarations.SendTimeMaxDataAgeSeconds.Change(3)).ApplyTo(current);

        Assert.Equal(current with { SendTimeMaxDataAgeSeconds = 3 }, updated);
    }

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
