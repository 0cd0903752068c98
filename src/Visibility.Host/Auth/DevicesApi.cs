using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Visibility.Domain.Access;
using Visibility.Domain.Validation;
using Visibility.Grains.Access;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;
using Visibility.Host.Apis;
using Visibility.Host.Audit;
using Visibility.Host.Hosting;
using Visibility.Host.Ingest;

namespace Visibility.Host.Auth;

/// <summary>/api/devices: trackers, their keys (shown once), revocation and the shipments each may report for.</summary>
public static class DevicesApi
{
    public static RouteGroupBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Access").RequireAuthorization(Policies.Devices);
        group.MapPost("/", Create).WithSummary("Register a tracker; the answer holds its key, shown this once").Accepts<CreateDeviceRequest>("application/json")
            .WithBodyLimit(4 * 1024);
        group.MapGet("/", List).WithSummary("All trackers (never their keys)");
        group.MapGet("/{id}", Get).WithSummary("A tracker and its assigned shipments");
        group.MapPost("/{id}/revoke", Revoke).WithSummary("Revoke the tracker's key: its readings are refused from now on");
        group.MapPut("/{id}/shipments/{shipmentId}", (string id, string shipmentId, IGrainFactory grains, DeviceKeyVerifier keys, ShipmentDirectory shipments) =>
            Assign(id, shipmentId, true, grains, keys, shipments)).WithSummary("Allow the tracker to report for a shipment (\"*\": every shipment, for a gateway such as a carrier feed)");
        group.MapDelete("/{id}/shipments/{shipmentId}", (string id, string shipmentId, IGrainFactory grains, DeviceKeyVerifier keys, ShipmentDirectory shipments) =>
            Assign(id, shipmentId, false, grains, keys, shipments)).WithSummary("Stop the tracker reporting for a shipment");
        return group;
    }

    private static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateDeviceRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        body!.Validate(errors);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        request.HttpContext.Audit(body.Id, $"register tracker {body.Id}");
        var (key, hash) = DeviceKeys.Create(body.Id!);
        var grain = grains.GetGrain<IDeviceGrain>(body.Id!);
        if (await grain.Create(body.Name ?? body.Id!, hash, Caller.From(user).Name) != CreateOutcome.Created)
            return Problems.Conflict($"device '{body.Id}' already exists; its key cannot be shown again (revoke it and register a new one)");
        return TypedResults.Created($"/api/devices/{Uri.EscapeDataString(body.Id!)}", new CreatedDevice((await grain.GetView())!, key));
    }

    private static async Task<Ok<DeviceView[]>> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IRegistryGrain>(Registries.Devices).All();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IDeviceGrain>(id).GetView()));
        return TypedResults.Ok(views.OfType<DeviceView>().ToArray());
    }

    private static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<IDeviceGrain>(id).GetView() is { } view ? TypedResults.Ok(view) : Problems.NotFound($"no device '{id}'");

    private static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> Revoke(string id, IGrainFactory grains, DeviceKeyVerifier keys)
    {
        var view = await grains.GetGrain<IDeviceGrain>(id).Revoke();
        keys.Forget(id);
        return view != null ? TypedResults.Ok(view) : Problems.NotFound($"no device '{id}'");
    }

    private static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> Assign(string id, string shipmentId, bool assigned,
        IGrainFactory grains, DeviceKeyVerifier keys, ShipmentDirectory shipments)
    {
        if (assigned && shipmentId != DeviceGrant.AllShipments && !shipments.Contains(shipmentId)) return Problems.NotFound($"no shipment '{shipmentId}'");
        var view = await grains.GetGrain<IDeviceGrain>(id).Assign(shipmentId, assigned);
        keys.Forget(id);
        return view != null ? TypedResults.Ok(view) : Problems.NotFound($"no device '{id}'");
    }
}
