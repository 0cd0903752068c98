using Visibility.Domain.Access;
using Visibility.Grains.Access;
using Visibility.Grains.Shipments;

namespace Visibility.Host.Auth;

/// <summary>
/// Creates the demo users (with the demo network) and, when Auth:BootstrapAdminPassword is set, an "admin" user, so a
/// fresh deployment can be signed into. Existing users are never changed. Runs during start-up (after the silo), so
/// the host reports ready only once its users can sign in.
/// </summary>
public sealed class UserSeeder(IGrainFactory grains, AuthOptions options, IConfiguration configuration, TimeProvider clock,
    ILogger<UserSeeder> logger) : IHostedService
{
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        int created = 0;
        // The bootstrap admin first: on a fresh store it takes the name "admin" before the demo admin would.
        if (!string.IsNullOrEmpty(options.BootstrapAdminPassword))
            created += await CreateAsync("admin", options.BootstrapAdminPassword, Roles.Admin, "Administrator", null, demo: false) ? 1 : 0;
        if (options.SeedDemoUsers ?? configuration.GetValue("Demo:Seed", true))
            foreach (var u in DemoUsers.All)
                created += await CreateAsync(u.Username, u.Password, u.Role, u.DisplayName, u.SupplierId, demo: true) ? 1 : 0;
        if (created > 0) logger.LogInformation("Seeded {Count} users (see README, Access)", created);
    }

    private async Task<bool> CreateAsync(string username, string password, string role, string displayName, string? supplierId, bool demo)
    {
        var grain = grains.GetGrain<IUserGrain>(username);
        if (await grain.GetView() != null) return false;
        var state = new UserState
        {
            Username = username, PasswordHash = PasswordHashing.Hash(password), Role = role, DisplayName = displayName,
            SupplierId = supplierId, CreatedAt = clock.GetUtcNow(), Demo = demo,
        };
        return await grain.Create(state) == CreateOutcome.Created;
    }
}
