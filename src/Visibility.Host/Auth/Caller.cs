using System.Security.Claims;
using Visibility.Domain.Access;

namespace Visibility.Host.Auth;

/// <summary>The signed-in user as the handlers need it: name, role and, for a supplier user, its supplier.</summary>
public sealed record Caller(string Name, string Role, string? SupplierId)
{
    public const string SupplierClaim = "supplier_id";

    public bool IsSupplier => Role == Roles.Supplier;

    /// <summary>True when the caller may see an object that belongs to <paramref name="supplierId"/> (null = no supplier).</summary>
    public bool MaySee(string? supplierId) => !IsSupplier || (supplierId != null && supplierId == SupplierId);

    public static Caller From(ClaimsPrincipal user)
    {
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? "";
        return new Caller(user.Identity?.Name ?? "anonymous", role, user.FindFirst(SupplierClaim)?.Value);
    }
}
