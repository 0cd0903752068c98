namespace Visibility.Domain.Access;

/// <summary>
/// The four roles. Operators run the map, shipments, trackers and disruptions; managers the buffers and sourcing;
/// a supplier user is bound to one supplier and sees only that supplier's sites, shipments and posts; admins do all
/// of that and manage users and read the audit log.
/// </summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Manager = "manager";
    public const string Supplier = "supplier";
    public const string Admin = "admin";

    public static readonly string[] All = [Operator, Manager, Supplier, Admin];

    public static bool IsKnown(string? role) => role is Operator or Manager or Supplier or Admin;
}
