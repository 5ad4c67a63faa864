using System.Net;
using System.Net.Sockets;

namespace ChatCrm.Tests.Fixtures;

internal static class FreePort
{
    /// <summary>A port the OS just reported free. Another process may take it before the server binds, so callers retry.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until something accepts connections on the port, or the process behind it has died.</summary>
    public static async Task WaitUntilListeningAsync(int port, Func<bool> hasExited, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !hasExited())
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException(hasExited() ? $"The server for port {port} exited before it listened." : $"Nothing listened on port {port} within {timeout.TotalSeconds:0} s.");
    }
}
