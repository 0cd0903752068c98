using Microsoft.Extensions.FileProviders;
using Visibility.Host.ReferenceData;

namespace Visibility.Host.Hosting;

/// <summary>Serves the built dashboard (web/dist, or <c>Web:DistPath</c>) at / with a fallback to index.html.</summary>
public static class DashboardSetup
{
    public static void MapVisibilityDashboard(this WebApplication app)
    {
        var dist = RepositoryPaths.Resolve(app.Configuration["Web:DistPath"], app.Environment.ContentRootPath, "web", "dist");
        if (dist == null || !File.Exists(Path.Combine(dist, "index.html")))
        {
            app.Logger.LogWarning("Dashboard not built at {Path}: run 'npm ci && npm run build' in web/ (the host's build does this)", dist);
            app.MapGet("/", () => Results.Problem(statusCode: 503, title: "Dashboard not built",
                detail: "Run 'npm ci && npm run build' in web/, or build the host project, which does it."));
            return;
        }
        var files = new PhysicalFileProvider(dist);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                // Hashed bundles can be cached for good; index.html must be re-read so a new build shows up.
                bool hashed = ctx.File.Name != "index.html";
                ctx.Context.Response.Headers.CacheControl = hashed ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        // The client-side routes (/board, /suppliers, …) get index.html; /api and /hubs never do. This is middleware for
        // requests that routed nowhere rather than a catch-all endpoint: a catch-all would be a routing candidate for
        // every /api path too and hide routing's own answers there (405 for a wrong method, 415 for a body that is not
        // JSON) behind a 404. Those, and a 404 for an unknown /api path, become problem details in UseStatusCodePages.
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() != null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || Path.HasExtension(request.Path.Value))
            {
                await next(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
    }
}
