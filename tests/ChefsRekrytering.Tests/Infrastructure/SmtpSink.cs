using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// The real SMTP sink (infra/smtp-sink/sink.js on smtp-server) as a child process on a free port, so a test can
/// take the mail server down and bring it back. Delivered messages are read back with MimeKit.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? _process;

    public SmtpSink()
    {
        Port = FreePort();
        Folder = Path.Combine(Path.GetTempPath(), "chefs-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public int Port { get; }
    public string Folder { get; }

    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = new SmtpSink();
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        var script = TestServices.Require("CHEFS_SMTP_SINK_SCRIPT");
        _process = Process.Start(new ProcessStartInfo("node", [script, "--port", Port.ToString(), "--dir", Folder])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("SMTP-sänkan kunde inte startas (node saknas?)");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await AcceptsAsync())
        {
            if (_process.HasExited) throw new InvalidOperationException($"SMTP-sänkan avslutades direkt (kod {_process.ExitCode}).");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("SMTP-sänkan svarade inte inom 15 s.");
            await Task.Delay(50);
        }
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
        // The port must be free before the test goes on, or "down" is not really down.
        while (await AcceptsAsync()) await Task.Delay(50);
    }

    /// <summary>
    /// Makes the sink misbehave for the next <paramref name="count"/> messages (every one when null): <c>451-rcpt</c>,
    /// <c>451-data</c>, <c>550-rcpt</c>, <c>550-data</c>, <c>drop-data</c>, <c>drop-after-data</c> (see sink.js).
    /// </summary>
    public void Fault(string mode, int? count = null) =>
        File.WriteAllText(Path.Combine(Folder, "fault"), count is null ? mode : $"{mode} {count}");

    /// <summary>What arrived of messages whose connection the sink dropped in the middle of DATA.</summary>
    public IReadOnlyList<MimeMessage> Partial() =>
        Directory.GetFiles(Folder, "*.partial").Order().Select(f => MimeMessage.Load(f)).ToList();

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (the dispatcher runs in the background).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Directory.GetFiles(Folder, "*.eml").Length < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        return Messages();
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try { await client.ConnectAsync(IPAddress.Loopback, Port); return true; }
        catch (SocketException) { return false; }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
