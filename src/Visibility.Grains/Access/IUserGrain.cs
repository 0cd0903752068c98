using Visibility.Domain.Access;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Access;

/// <summary>A user account, keyed by username (lower case).</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; an existing one is left alone (AlreadyExists), whatever was asked.</summary>
    Task<CreateOutcome> Create(UserState user);
    Task<UserView?> GetView();
    Task<UserCredentials?> GetCredentials();
    Task<UserView?> SetDisabled(bool disabled);
}
