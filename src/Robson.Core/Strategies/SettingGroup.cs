namespace Robson.Core.Strategies;

/// <summary>Where a setting belongs in the human report: risk configuration, daily limits of LIVE, or policy.</summary>
public enum SettingGroup { Risk, DailyLimits, Policy }
