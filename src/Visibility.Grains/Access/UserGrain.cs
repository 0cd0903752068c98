using Orleans.Runtime;
using Visibility.Domain.Access;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Access;

public sealed class UserGrain(
    [PersistentState("user", StorageProviders.Default)] IPersistentState<UserState> state) : Grain, IUserGrain
{
    public async Task<CreateOutcome> Create(UserState user)
    {
        if (state.State.Exists) return CreateOutcome.AlreadyExists;
        state.State = user;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Users).Add(user.Username!);
        return CreateOutcome.Created;
    }

    public Task<UserView?> GetView() => Task.FromResult(state.State.Exists ? state.State.View() : null);

    public Task<UserCredentials?> GetCredentials() =>
        Task.FromResult(state.State.Exists ? new UserCredentials(state.State.View(), state.State.PasswordHash) : null);

    public async Task<UserView?> SetDisabled(bool disabled)
    {
        if (!state.State.Exists) return null;
        if (state.State.Disabled != disabled)
        {
            state.State.Disabled = disabled;
            await state.WriteStateAsync();
        }
        return state.State.View();
    }
}
