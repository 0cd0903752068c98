namespace Visibility.Domain.Access;

/// <summary>A user's persisted record. The password is only ever held as its PBKDF2 hash.</summary>
[GenerateSerializer]
public sealed class UserState
{
    [Id(0)] public string? Username { get; set; }
    [Id(1)] public string PasswordHash { get; set; } = "";
    [Id(2)] public string Role { get; set; } = Roles.Operator;
    /// <summary>For the supplier role: the one supplier this user acts for.</summary>
    [Id(3)] public string? SupplierId { get; set; }
    [Id(4)] public string DisplayName { get; set; } = "";
    [Id(5)] public bool Disabled { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public bool Demo { get; set; }

    public bool Exists => Username != null;

    public UserView View() => new(Username!, DisplayName, Role, SupplierId, Disabled, CreatedAt, Demo);
}

[GenerateSerializer, Immutable]
public sealed record UserView(
    [property: Id(0)] string Username,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Role,
    [property: Id(3)] string? SupplierId,
    [property: Id(4)] bool Disabled,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] bool Demo);

/// <summary>What the token endpoint needs to check a sign-in: the hash and who the user is.</summary>
[GenerateSerializer, Immutable]
public sealed record UserCredentials([property: Id(0)] UserView User, [property: Id(1)] string PasswordHash);
