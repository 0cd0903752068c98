using Visibility.Domain.Access;
using Visibility.Domain.Validation;

namespace Visibility.Host.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, UserView User);

public sealed record CreateUserRequest(string? Username, string? Password, string? Role, string? DisplayName, string? SupplierId)
{
    public const int MinPasswordLength = 12;

    public void Validate(ValidationErrors errors)
    {
        string why;
        if (Username == null) errors.Add("username", "is required");
        else if (!TextRules.IsValidId(Username, 64, out why)) errors.Add("username", why);
        else if (Username != Username.ToLowerInvariant()) errors.Add("username", "must be lower case");
        if (Password == null) errors.Add("password", "is required");
        else if (Password.Length < MinPasswordLength) errors.Add("password", $"must be at least {MinPasswordLength} characters");
        else if (Password.Length > 256) errors.Add("password", "must be at most 256 characters");
        if (!Roles.IsKnown(Role)) errors.Add("role", "must be operator, manager, supplier or admin");
        if (DisplayName != null && !TextRules.IsValidText(DisplayName, 200, out why)) errors.Add("displayName", why);
        if (Role == Roles.Supplier && SupplierId == null) errors.Add("supplierId", "is required for a supplier user");
        if (Role != Roles.Supplier && SupplierId != null) errors.Add("supplierId", "only a supplier user names a supplier");
        if (SupplierId != null && !TextRules.IsValidId(SupplierId, 64, out why)) errors.Add("supplierId", why);
    }
}

public sealed record CreateDeviceRequest(string? Id, string? Name)
{
    public void Validate(ValidationErrors errors)
    {
        string why;
        if (Id == null) errors.Add("id", "is required");
        else if (!TextRules.IsValidId(Id, 64, out why)) errors.Add("id", why);
        else if (Id.Contains('.')) errors.Add("id", "must not contain '.'");
        if (Name != null && !TextRules.IsValidText(Name, 200, out why)) errors.Add("name", why);
    }
}

/// <summary>The answer to creating a tracker: the only time its key is shown.</summary>
public sealed record CreatedDevice(DeviceView Device, string Key);
