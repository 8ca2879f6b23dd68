using Robson.Core.Audit;
using Robson.Core.Domain;

namespace Robson.Core.UseCases;

/// <summary>Reads (never writes) the stored audit events and recomputes every chain, or only the tenant's.</summary>
public sealed class VerifyAuditTrail(RobsonEnvironment env)
{
    public AuditVerification Execute(ClientId? clientId) => AuditChainVerifier.Verify(env.Store.ReadAuditEvents(clientId));
}
