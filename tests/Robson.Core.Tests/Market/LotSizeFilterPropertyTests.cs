using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Robson.Core.Market;

namespace Robson.Core.Tests.Market;

/// <summary>Suggest(q): the largest valid quantity not above q, or null when even the minimum is above q.</summary>
public sealed class LotSizeFilterPropertyTests
{
    /// <summary>Steps 0.00001 – 1; minQty 0 – 100 steps; maxQty 1 – 1 000 000 steps above it.</summary>
    private static readonly Gen<LotSizeFilter> Filters =
        from step in Gen.Elements(0.00001m, 0.001m, 0.1m, 1m)
        from minSteps in Gen.Choose(0, 100)
        from spanSteps in Gen.Choose(1, 1_000_000)
        select new LotSizeFilter(false, minSteps * step, (minSteps + spanSteps) * step, step);

    /// <summary>Quantities at or near (±1e-8, ±1 step, ±0.01) the minimum, the maximum, a grid point, or anywhere (8 places).</summary>
    private static Gen<decimal> Quantities(LotSizeFilter f) =>
        from offset in Gen.OneOf(
            Gen.Constant(0m),
            Gen.Elements(-f.StepSize, f.StepSize, -0.00000001m, 0.00000001m),
            Gen.Choose(-1_000_000, 1_000_000).Select(n => n / 100_000_000m))
        from gridSteps in Gen.Choose(0, 2_000_000)
        from anywhere in Gen.Choose(0, int.MaxValue).Select(n => n / 100_000_000m * (f.MaxQty / 10m + 1m))
        from near in Gen.Elements(f.MinQty, f.MaxQty, f.MinQty + gridSteps * f.StepSize, Math.Round(anywhere, 8))
        select Math.Max(0m, near + offset);

    private static readonly Gen<(LotSizeFilter Filter, decimal Quantity)> Cases =
        from f in Filters
        from q in Quantities(f)
        select (f, q);

    [Property(MaxTest = 1000)]
    public Property Suggest_IsTheLargestValidQuantityNotAboveTheRequestOrNullBelowTheMinimum() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (f, q) = c;
            var suggested = f.Suggest(q);
            if (suggested is not { } s)
                return (q < f.MinQty).Label($"null for {q} with {f}");
            return (s >= f.MinQty).Label($"{s} below min for {q} with {f}")
                .And((s <= f.MaxQty).Label($"{s} above max for {q} with {f}"))
                .And(((s - f.MinQty) % f.StepSize == 0).Label($"{s} off step for {q} with {f}"))
                .And((s <= q).Label($"{s} above the request {q} with {f}"))
                .And(f.IsValid(s).Label($"{s} not IsValid for {q} with {f}"))
                .And((s + f.StepSize > Math.Min(q, f.MaxQty)).Label($"{s} is not the largest valid quantity for {q} with {f}"));
        });
}
