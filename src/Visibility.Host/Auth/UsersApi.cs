using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Visibility.Domain.Access;
using Visibility.Domain.Validation;
using Visibility.Grains.Access;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;
using Visibility.Grains.Suppliers;
using Visibility.Host.Apis;
using Visibility.Host.Audit;
using Visibility.Host.Hosting;

namespace Visibility.Host.Auth;

/// <summary>/api/users: admins create, list and disable users.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Access").RequireAuthorization(Policies.Admin);
        group.MapPost("/", Create).WithSummary("Create a user (the password is stored hashed)").Accepts<CreateUserRequest>("application/json")
            .WithBodyLimit(8 * 1024);
        group.MapGet("/", List).WithSummary("All users");
        group.MapPost("/{username}/disable", (string username, IGrainFactory grains, UserRecordCheck check) => SetDisabled(username, true, grains, check))
            .WithSummary("Disable a user: its tokens stop working and its live connections close within seconds");
        group.MapPost("/{username}/enable", (string username, IGrainFactory grains, UserRecordCheck check) => SetDisabled(username, false, grains, check))
            .WithSummary("Enable a user again");
        return group;
    }

    private static async Task<IResult> Create(HttpRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateUserRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        body!.Validate(errors);
        if (errors.IsEmpty && body.SupplierId != null && await grains.GetGrain<ISupplierGrain>(body.SupplierId).GetView() == null)
            errors.Add("supplierId", $"unknown supplier '{body.SupplierId}'");
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        request.HttpContext.Audit(body.Username, $"create user {body.Username} ({body.Role})");
        var state = new UserState
        {
            Username = body.Username, PasswordHash = PasswordHashing.Hash(body.Password!), Role = body.Role!,
            DisplayName = body.DisplayName ?? body.Username!, SupplierId = body.SupplierId, CreatedAt = clock.GetUtcNow(),
        };
        var grain = grains.GetGrain<IUserGrain>(body.Username!);
        return await grain.Create(state) == CreateOutcome.Created
            ? TypedResults.Created($"/api/users/{Uri.EscapeDataString(body.Username!)}", await grain.GetView())
            : Problems.Conflict($"user '{body.Username}' already exists");
    }

    private static async Task<Ok<UserView[]>> List(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IRegistryGrain>(Registries.Users).All();
        var views = await Task.WhenAll(names.Select(n => grains.GetGrain<IUserGrain>(n).GetView()));
        return TypedResults.Ok(views.OfType<UserView>().ToArray());
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetDisabled(string username, bool disabled, IGrainFactory grains, UserRecordCheck check)
    {
        var view = await grains.GetGrain<IUserGrain>(username).SetDisabled(disabled);
        // This silo stops (or resumes) the user's tokens at once; the others within the check's cache time.
        check.Forget(username);
        return view != null ? TypedResults.Ok(view) : Problems.NotFound($"no user '{username}'");
    }
}
