using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Visibility.Domain.Access;
using Visibility.Domain.Validation;
using Visibility.Grains.Access;
using Visibility.Host.Apis;
using Visibility.Host.Audit;
using Visibility.Host.Hosting;

namespace Visibility.Host.Auth;

/// <summary>/api/auth: sign in for a bearer token, and who am I.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Access");
        group.MapPost("/token", Token).AllowAnonymous()
            .WithSummary("Sign in with username and password; returns a bearer token and its expiry")
            .Accepts<TokenRequest>("application/json").WithBodyLimit(4 * 1024).WithMetadata(Hosting.NoStorageWrites.Instance);
        group.MapGet("/demo-users", ListDemoUsers).AllowAnonymous()
            .WithSummary("The documented demo users and their public demo passwords (empty unless the demo network is seeded)");
        group.MapGet("/me", Me).RequireAuthorization(Policies.AnyUser).WithSummary("The signed-in user");
        return group;
    }

    private static async Task<IResult> Token(HttpRequest request, IGrainFactory grains, TokenIssuer issuer, ILoggerFactory loggers)
    {
        var (body, problem) = await JsonBody.ReadAsync<TokenRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(body!.Username)) errors.Add("username", "is required");
        else if (!TextRules.IsValidId(body.Username, 64, out var why)) errors.Add("username", why);
        if (string.IsNullOrEmpty(body.Password)) errors.Add("password", "is required");
        else if (body.Password.Length > 256) errors.Add("password", "must be at most 256 characters");
        if (!errors.IsEmpty) return Problems.Invalid(errors);

        // The audit names who tried; never what password they gave.
        var note = AuditNote.For(request.HttpContext);
        note.Actor = body.Username!.ToLowerInvariant();
        note.ActorKind = "anonymous";
        note.Summary = "sign-in refused: unknown user or wrong password";
        var credentials = await grains.GetGrain<IUserGrain>(body.Username!.ToLowerInvariant()).GetCredentials();
        // Unknown user and wrong password look the same, and cost the same (a hash is computed either way).
        bool ok = PasswordHashing.Verify(body.Password!, credentials?.PasswordHash ?? DummyHash) && credentials is { User.Disabled: false };
        if (!ok)
        {
            loggers.CreateLogger("Visibility.Auth").LogInformation("Sign-in refused for {Username}", body.Username);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "unknown user or wrong password");
        }
        (note.ActorKind, note.Role, note.Summary) = ("user", credentials!.User.Role, "signed in");
        var (token, expires) = issuer.Issue(credentials.User);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expires, credentials.User));
    }

    /// <summary>Only users that are still the seeded demo accounts are listed (a bootstrap admin is not).</summary>
    private static async Task<Ok<DemoUserList>> ListDemoUsers(IGrainFactory grains)
    {
        var listed = new List<DemoUserEntry>();
        foreach (var u in DemoUsers.All)
            if (await grains.GetGrain<IUserGrain>(u.Username).GetView() is { Demo: true, Disabled: false } view)
                listed.Add(new DemoUserEntry(u.Username, u.Password, u.Role, view.DisplayName, u.SupplierId));
        return TypedResults.Ok(new DemoUserList(listed.ToArray()));
    }

    private static readonly string DummyHash = PasswordHashing.Hash(Guid.NewGuid().ToString());

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Me(ClaimsPrincipal user, IGrainFactory grains)
    {
        var caller = Caller.From(user);
        var view = await grains.GetGrain<IUserGrain>(caller.Name).GetView();
        // An external issuer's user has no account here: describe it from its token.
        return TypedResults.Ok(view ?? new UserView(caller.Name, user.FindFirst("name")?.Value ?? caller.Name, caller.Role, caller.SupplierId,
            false, DateTimeOffset.MinValue, false));
    }
}

public sealed record DemoUserList(DemoUserEntry[] Users);

public sealed record DemoUserEntry(string Username, string Password, string Role, string DisplayName, string? SupplierId);
