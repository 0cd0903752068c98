using Orleans.Runtime;
using Visibility.Domain.Access;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Access;

public sealed class DeviceGrain(
    [PersistentState("device", StorageProviders.Default)] IPersistentState<DeviceState> state,
    TimeProvider clock) : Grain, IDeviceGrain
{
    private DeviceState S => state.State;

    public async Task<CreateOutcome> Create(string name, string secretHash, string createdBy)
    {
        if (S.Exists) return CreateOutcome.AlreadyExists;
        S.Id = this.GetPrimaryKeyString();
        S.Name = name;
        S.SecretHash = secretHash;
        S.CreatedBy = createdBy;
        S.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Devices).Add(S.Id);
        return CreateOutcome.Created;
    }

    public Task<DeviceView?> GetView() => Task.FromResult(S.Exists ? S.View() : null);

    public Task<DeviceAccess?> GetAccess() =>
        Task.FromResult(S.Exists ? new DeviceAccess(S.SecretHash, S.Revoked, S.Shipments.ToArray()) : null);

    public async Task<DeviceView?> Revoke()
    {
        if (!S.Exists) return null;
        if (!S.Revoked)
        {
            S.Revoked = true;
            S.RevokedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
        }
        return S.View();
    }

    public async Task<DeviceView?> Rekey(string secretHash)
    {
        if (!S.Exists) return null;
        S.SecretHash = secretHash;
        S.Revoked = false;
        S.RevokedAt = null;
        await state.WriteStateAsync();
        return S.View();
    }

    public async Task<DeviceView?> Assign(string shipmentId, bool assigned)
    {
        if (!S.Exists) return null;
        bool changed = assigned ? S.Shipments.Add(shipmentId) : S.Shipments.Remove(shipmentId);
        if (changed) await state.WriteStateAsync();
        return S.View();
    }
}
