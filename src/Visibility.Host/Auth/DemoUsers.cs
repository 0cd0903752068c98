using Visibility.Domain.Access;

namespace Visibility.Host.Auth;

/// <summary>
/// The documented demo users seeded with the demo network (README, "Access"). Demo passwords are public by design:
/// they exist so a new user can sign in on the embedded default; a real deployment turns Demo:Seed off.
/// </summary>
public static class DemoUsers
{
    public sealed record DemoUser(string Username, string Password, string Role, string DisplayName, string? SupplierId = null);

    public static readonly DemoUser[] All =
    [
        new("operator", "operator-demo", Roles.Operator, "Olivia Operator"),
        new("manager", "manager-demo", Roles.Manager, "Manuel Manager"),
        new("admin", "admin-demo", Roles.Admin, "Ada Admin"),
        // One user per demo supplier, named after it, all with the same demo password.
        .. Demo.DemoNetwork.Suppliers.Select(s => new DemoUser(SupplierUsername(s.Id), "supplier-demo", Roles.Supplier, s.Name, s.Id)),
    ];

    public static string SupplierUsername(string supplierId) => supplierId.ToLowerInvariant();
}
