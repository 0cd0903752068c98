using Visibility.Domain.Geo;

namespace Visibility.Domain.Tests.Routing;

/// <summary>Real container-terminal positions (checked on nautical charts / port authority maps), lat/lon.</summary>
public static class Ports
{
    public static readonly GeoPoint Shanghai = new(31.35, 121.60);      // Waigaoqiao terminals, Yangtze estuary
    public static readonly GeoPoint Rotterdam = new(51.95, 4.05);       // Maasvlakte
    public static readonly GeoPoint Hamburg = new(53.541, 9.968);       // Waltershof, 100 km up the Elbe
    public static readonly GeoPoint LongBeach = new(33.754, -118.216);
    public static readonly GeoPoint LosAngeles = new(33.735, -118.262); // San Pedro
    public static readonly GeoPoint Yokohama = new(35.447, 139.660);
    public static readonly GeoPoint Vancouver = new(49.289, -123.098);  // Centerm, Burrard Inlet
    public static readonly GeoPoint Singapore = new(1.265, 103.820);    // Keppel / Pasir Panjang
    public static readonly GeoPoint HoChiMinh = new(10.762, 106.788);   // Cat Lai, Saigon river
    public static readonly GeoPoint NewYork = new(40.668, -74.045);     // Red Hook / Bayonne, Upper Bay
    public static readonly GeoPoint JebelAli = new(25.011, 55.061);
    public static readonly GeoPoint Manzanillo = new(19.058, -104.312); // Mexico's main Pacific container port

    public static readonly GeoPoint Denver = new(39.74, -104.99);       // inland: no sea route
}
