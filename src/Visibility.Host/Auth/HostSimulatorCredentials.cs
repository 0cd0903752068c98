using System.Security.Cryptography;
using Visibility.Domain.Access;
using Visibility.Grains.Access;
using Visibility.Simulator;

namespace Visibility.Host.Auth;

/// <summary>
/// Credentials for the built-in simulator, minted in-process: a service user "simulator" (operator role, a random
/// password nobody knows) and the tracker "simulator", given a fresh key at each start and assigned to every shipment.
/// </summary>
public sealed class HostSimulatorCredentials(IGrainFactory grains, TokenIssuer tokens, TimeProvider clock) : ISimulatorCredentialSource
{
    public const string ServiceUser = "simulator";
    public const string DeviceId = "simulator";

    public async Task<SimulatorCredentials> AcquireAsync(Uri baseUrl, CancellationToken ct)
    {
        var user = grains.GetGrain<IUserGrain>(ServiceUser);
        if (await user.GetView() == null)
            await user.Create(new UserState
            {
                Username = ServiceUser, PasswordHash = PasswordHashing.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                Role = Roles.Operator, DisplayName = "Built-in traffic simulator", CreatedAt = clock.GetUtcNow(),
            });
        var view = (await user.GetView())!;

        var (key, hash) = DeviceKeys.Create(DeviceId);
        var device = grains.GetGrain<IDeviceGrain>(DeviceId);
        if (await device.Create("Built-in traffic simulator (synthetic)", hash, ServiceUser) != Visibility.Grains.Shipments.CreateOutcome.Created) await device.Rekey(hash);
        await device.Assign(DeviceGrant.AllShipments, true);

        var (token, expires) = tokens.Issue(view);
        return new SimulatorCredentials(token, expires, key);
    }
}
