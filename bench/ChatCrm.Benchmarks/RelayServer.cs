using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The floor for send-to-render latency: a bare WebSocket relay on loopback (Kestrel, no Blazor, no database). One page
/// of a pair sends a token, the server forwards it to the other page's socket, that page puts it in its DOM: the same
/// path shape as a chat message, without anything ChatCrm does in between.
/// </summary>
internal sealed class RelayServer : IAsyncDisposable
{
    private const string Page = """
        <!DOCTYPE html><html><body><div id="log"></div><script>
        const params = new URLSearchParams(location.search);
        window.socket = new WebSocket(`ws://${location.host}/relay/${params.get("pair")}/${params.get("role")}`);
        window.socket.onmessage = e => { const d = document.createElement("div"); d.textContent = e.data; document.getElementById("log").append(d); };
        </script></body></html>
        """;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Pair, string Role), WebSocket> _sockets = new();

    private RelayServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<RelayServer> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new RelayServer(app, $"http://127.0.0.1:{port}");
        app.UseWebSockets();
        app.MapGet("/", () => Results.Content(Page, "text/html"));
        app.Map("/relay/{pair}/{role}", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task HandleAsync(HttpContext context, string pair, string role)
    {
        if (!context.WebSockets.IsWebSocketRequest) return;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        _sockets[(pair, role)] = socket;
        var other = (pair, role == "a" ? "b" : "a");
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close) break;
            if (_sockets.TryGetValue(other, out var receiver))
            {
                await receiver.SendAsync(buffer.AsMemory(0, result.Count), WebSocketMessageType.Text, true, context.RequestAborted);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
