using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// A TCP proxy in front of a real service (Azurite) that a test turns bad: it passes bytes on, answers every HTTP
/// request with 503, or takes requests and never answers. Changing the mode closes the open connections, so a
/// client's pooled connection does not carry on in the old mode.
/// </summary>
public sealed class FelProxy : IAsyncDisposable
{
    public enum Lage { Vidare, Svara503, Hanga }

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private Lage _lage = Lage.Vidare;
    private int _requests;

    public FelProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections taken while not passing on: each is one try the client made.</summary>
    public int FelaktigaForsok => Volatile.Read(ref _requests);

    public Lage Mode
    {
        get => _lage;
        set
        {
            lock (_open)
            {
                _lage = value;
                foreach (var c in _open) c.Dispose();
                _open.Clear();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            Lage lage;
            lock (_open) { _open.Add(client); lage = _lage; }
            _ = HandleAsync(client, lage);
        }
    }

    private async Task HandleAsync(TcpClient client, Lage lage)
    {
        try
        {
            var stream = client.GetStream();
            switch (lage)
            {
                case Lage.Vidare:
                    using (var target = new TcpClient())
                    {
                        await target.ConnectAsync(IPAddress.Loopback, _targetPort);
                        lock (_open) _open.Add(target);
                        var to = target.GetStream();
                        await Task.WhenAny(stream.CopyToAsync(to, _stop.Token), to.CopyToAsync(stream, _stop.Token));
                    }
                    break;
                case Lage.Svara503:
                    while (await ReadRequestAsync(stream))
                    {
                        Interlocked.Increment(ref _requests);
                        var answer = Encoding.ASCII.GetBytes("HTTP/1.1 503 Service Unavailable\r\nx-ms-error-code: ServerBusy\r\nContent-Length: 0\r\n\r\n");
                        await stream.WriteAsync(answer, _stop.Token);
                    }
                    break;
                case Lage.Hanga:
                    Interlocked.Increment(ref _requests);
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    break;
            }
        }
        catch (Exception) { /* the client or the test closed it */ }
        finally { client.Dispose(); }
    }

    /// <summary>Reads one request: its headers, then as many body bytes as Content-Length says. False at the end.</summary>
    private async Task<bool> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0) return false;
            head.Add(one[0]);
        }
        var text = Encoding.ASCII.GetString(head.ToArray());
        var length = text.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => long.Parse(l["Content-Length:".Length..].Trim())).FirstOrDefault();
        var buffer = new byte[8192];
        while (length > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), _stop.Token);
            if (read == 0) return false;
            length -= read;
        }
        return true;
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Mode = Lage.Vidare;
        return ValueTask.CompletedTask;
    }
}
