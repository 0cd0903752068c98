using Visibility.Domain.Disruptions;
using Visibility.Grains.Disruptions;
using Visibility.Grains.Shipments;

namespace Visibility.Host.Disruptions;

/// <summary>Turns the piracy records in the data folder into standing security zones (<see cref="PiracyZones"/>).</summary>
public sealed class PiracyImporter(IGrainFactory grains, DisruptionOptions options, ILogger<PiracyImporter> logger)
{
    public const string RelativePath = "maritime-pirate-attacks/pirate_attacks.csv";

    public async Task<int> ImportAsync(string file, CancellationToken cancellationToken)
    {
        List<PiracyAttack> attacks;
        Dictionary<string, int> skipped;
        using (var reader = new StreamReader(file))
            (attacks, skipped) = PiracyZones.Read(reader);
        if (skipped.Count > 0) logger.LogInformation("Piracy records: {Attacks} read, skipped {@Skipped}", attacks.Count, skipped);
        var zones = PiracyZones.Cluster(attacks, options.Piracy);
        int created = 0;
        foreach (var zone in zones)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await grains.GetGrain<IDisruptionGrain>(zone.Id).Create(zone.ToDefinition(), PiracyZones.Source);
            if (result.Outcome == CreateOutcome.Created) created++;
        }
        logger.LogInformation("Piracy risk zones: {Zones} from {Attacks} attacks ({Created} new): {Places}",
            zones.Count, attacks.Count, created, string.Join("; ", zones.Select(z => $"{z.Place} ({z.Attacks}, {z.RadiusKm:0} km)")));
        return created;
    }
}
