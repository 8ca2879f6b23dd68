using Robson.Core.Audit;
using Robson.Core.Ports;

namespace Robson.Core.UseCases;

/// <summary>The ports a use case works through, built once by the composition root.</summary>
public sealed record RobsonEnvironment(IRobsonStore Store, IVenueDirectory Venues, TimeProvider Time, IIdGenerator Ids, AuditActor Actor);
