using Microsoft.AspNetCore.Authorization;
using Visibility.Domain.Access;

namespace Visibility.Host.Auth;

/// <summary>
/// Who may call what, by role. Every /api endpoint names one of these (or is explicitly anonymous): the host refuses to
/// start otherwise (<see cref="EndpointRules"/>). Object-level rules (a supplier sees only its own objects) are checked
/// in the handlers with <see cref="Caller"/>.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user: reference data (locations, routes, lanes).</summary>
    public const string AnyUser = "any-user";
    /// <summary>Shipments: everyone reads; a supplier only its own.</summary>
    public const string ShipmentsRead = "shipments-read";
    /// <summary>Booking shipments: operators.</summary>
    public const string ShipmentsWrite = "shipments-write";
    /// <summary>Milestones: operators, and a supplier for its own shipments.</summary>
    public const string MilestonesWrite = "milestones-write";
    /// <summary>Suppliers: everyone reads; a supplier only itself.</summary>
    public const string SuppliersRead = "suppliers-read";
    /// <summary>Registering suppliers: managers (sourcing).</summary>
    public const string SuppliersWrite = "suppliers-write";
    /// <summary>Posting site status: the supplier itself.</summary>
    public const string SupplierStatusWrite = "supplier-status-write";
    /// <summary>Where the factories are (the operator map draws them): operators and managers.</summary>
    public const string FactoriesRead = "factories-read";
    /// <summary>Factories, buffers, usage: managers.</summary>
    public const string Buffers = "buffers";
    /// <summary>Disruptions and their impact: operators (the map), managers (the board), admins.</summary>
    public const string DisruptionsRead = "disruptions-read";
    /// <summary>Declaring, resolving and importing disruptions: operators and managers alike (whoever sees it first).</summary>
    public const string DisruptionsWrite = "disruptions-write";
    /// <summary>Trackers and their keys: operators.</summary>
    public const string Devices = "devices";
    /// <summary>Users, diagnostics, the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>The roles each policy admits (admin is in every one).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [AnyUser] = [Roles.Operator, Roles.Manager, Roles.Supplier, Roles.Admin],
        [ShipmentsRead] = [Roles.Operator, Roles.Manager, Roles.Supplier, Roles.Admin],
        [ShipmentsWrite] = [Roles.Operator, Roles.Admin],
        [MilestonesWrite] = [Roles.Operator, Roles.Supplier, Roles.Admin],
        [SuppliersRead] = [Roles.Operator, Roles.Manager, Roles.Supplier, Roles.Admin],
        [SuppliersWrite] = [Roles.Manager, Roles.Admin],
        [SupplierStatusWrite] = [Roles.Supplier, Roles.Admin],
        [FactoriesRead] = [Roles.Operator, Roles.Manager, Roles.Admin],
        [Buffers] = [Roles.Manager, Roles.Admin],
        [DisruptionsRead] = [Roles.Operator, Roles.Manager, Roles.Admin],
        [DisruptionsWrite] = [Roles.Operator, Roles.Manager, Roles.Admin],
        [Devices] = [Roles.Operator, Roles.Admin],
        [Admin] = [Roles.Admin],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesFor)
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
    }
}
