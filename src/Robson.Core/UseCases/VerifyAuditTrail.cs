using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Core.UseCases;

/// <summary>
/// Reads (never writes) the stored audit events, the records they must name and the witness of the heads, and checks
/// every chain, or only the tenant's: links, cross-check, witness, and heads kept elsewhere (<paramref name="expectedHeads"/>).
/// </summary>
public sealed class VerifyAuditTrail(RobsonEnvironment env)
{
    public AuditVerification Execute(ClientId? clientId, IReadOnlyList<AuditHead>? expectedHeads = null) =>
        AuditChainVerifier.Verify(new AuditEvidence(env.Store.ReadAuditEvents(clientId))
        {
            Records = env.Store.ReadAuditedRecords(clientId),
            Witness = env.Store.ReadAuditWitness(clientId),
            ExpectedHeads = expectedHeads ?? [],
        });
}
