using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace TradingBot.Dashboard.Pages;

/// <summary>
/// Serves <c>wwwroot/**</c> from this assembly's manifest resources (logical names keep the path:
/// "wwwroot/js/app.js"), so the pages travel inside the DLL and are found from any output folder.
/// Directory listing is not supported; change tokens never fire (resources cannot change).
/// </summary>
internal sealed class EmbeddedWebRootFileProvider : IFileProvider
{
    private const string Prefix = "wwwroot/";

    private readonly Assembly _assembly;
    private readonly HashSet<string> _names;
    private readonly DateTimeOffset _lastModified;

    /// <param name="assembly">Assembly holding the resources.</param>
    /// <param name="hiddenFolder">A folder (e.g. "pages/") this instance must not serve.</param>
    public EmbeddedWebRootFileProvider(Assembly assembly, string? hiddenFolder = null)
    {
        _assembly = assembly;
        _names = new HashSet<string>(
            assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && (hiddenFolder is null || !n.StartsWith(Prefix + hiddenFolder, StringComparison.Ordinal))),
            StringComparer.Ordinal);
        var location = assembly.Location;
        _lastModified = string.IsNullOrEmpty(location) || !File.Exists(location) ? DateTimeOffset.UtcNow : File.GetLastWriteTimeUtc(location);
    }

    /// <summary>Paths (without the wwwroot/ prefix) of every embedded file.</summary>
    public IEnumerable<string> Files => _names.Select(n => n[Prefix.Length..]);

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = Prefix + subpath.TrimStart('/');
        if (name.Contains("..", StringComparison.Ordinal) || !_names.Contains(name))
        {
            return new NotFoundFileInfo(subpath);
        }

        return new ResourceFileInfo(_assembly, name, _lastModified);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class ResourceFileInfo : IFileInfo
    {
        private readonly Assembly _assembly;
        private readonly string _resourceName;

        public ResourceFileInfo(Assembly assembly, string resourceName, DateTimeOffset lastModified)
        {
            _assembly = assembly;
            _resourceName = resourceName;
            LastModified = lastModified;
            using var stream = Open();
            Length = stream.Length;
        }

        public bool Exists => true;

        public long Length { get; }

        public string? PhysicalPath => null;

        public string Name => Path.GetFileName(_resourceName);

        public DateTimeOffset LastModified { get; }

        public bool IsDirectory => false;

        public Stream CreateReadStream() => Open();

        private Stream Open() => _assembly.GetManifestResourceStream(_resourceName)
            ?? throw new FileNotFoundException("Embedded dashboard resource missing.", _resourceName);
    }
}
