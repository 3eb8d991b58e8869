using System.Runtime.CompilerServices;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// A run builds hundreds of test hosts, and each would watch its settings files and web root with inotify; Linux allows
/// 128 inotify instances per user, and past that a page's <c>asp-append-version</c> fails with an IOException (seen once
/// #20's test classes were added). Polling watchers take no instance. Set before any host is built, for the whole test
/// process, so a plain <c>dotnet test</c> behaves as <c>infra/test.sh</c> does.
/// </summary>
internal static class FileWatching
{
#pragma warning disable CA2255 // A module initializer is meant for libraries' callers; here the test assembly is the program.
    [ModuleInitializer]
    internal static void Polling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
#pragma warning restore CA2255
}
