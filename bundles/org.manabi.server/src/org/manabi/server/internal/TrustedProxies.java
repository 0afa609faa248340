package org.manabi.server.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Honours {@code X-Forwarded-For/-Proto/-Host} (and {@code Forwarded}) only on connections from a
 * configured proxy. Jetty's {@link ForwardedRequestCustomizer} believes whoever sends the headers; a
 * client talking to the server directly could then pick its own address, escape the rate limits and
 * write any address into the audit log. Behind the proxy, the client's address, {@code https} and the
 * public host name reach the servlets as if the client had connected itself: rate limits, the audit
 * log and the {@code Secure}/{@code __Host-} cookies all use them.
 * <p>
 * The proxy must set {@code X-Forwarded-For} to the client's address, not append to what the client
 * sent (nginx: {@code $remote_addr}, not {@code $proxy_add_x_forwarded_for}): Jetty takes the leftmost
 * address.
 */
public final class TrustedProxies implements HttpConfiguration.Customizer {

    private final InetAddressSet proxies;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    public TrustedProxies(InetAddressSet proxies) {
        this.proxies = proxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (peer instanceof InetSocketAddress address && address.getAddress() != null
                && proxies.test(address.getAddress())) {
            return forwarded.customize(request, responseHeaders);
        }
        return request;
    }
}
