using Robson.Core.Domain;
using Robson.Core.Validation;

namespace Robson.Core.Ports;

public interface IValidationStore
{
    void InsertValidation(ValidationReport report);

    /// <summary>The most recent validation of the plan, whatever its result.</summary>
    ValidationReport? LatestValidation(ClientId clientId, string planId);
}
