namespace Robson.Core.Plans;

/// <summary>One asset of a rebalance: where it stands when planned and where the plan takes it.</summary>
public sealed record AllocationRow(string Asset, decimal CurrentQuantity, decimal Price, decimal CurrentPercent, decimal TargetPercent, decimal TargetQuantity);
