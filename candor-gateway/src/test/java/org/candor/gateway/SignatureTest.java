package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {
    /** The example of Binance's API documentation (signature checked independently with openssl). */
    static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String DOC_QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
        + "&recvWindow=5000&timestamp=1499827319559";
    static final String DOC_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

    @Test
    void signsAsBinanceDocumentsIt() {
        assertThat(HmacSigner.sign(DOC_SECRET.getBytes(StandardCharsets.UTF_8), DOC_QUERY)).isEqualTo(DOC_SIGNATURE);
    }

    @Test
    void verifiesEitherCaseAndRejectsAnyChangeToThePayload() {
        final byte[] secret = DOC_SECRET.getBytes(StandardCharsets.UTF_8);
        assertThat(HmacSigner.verify(secret, DOC_QUERY, DOC_SIGNATURE.toUpperCase())).isTrue();
        assertThat(HmacSigner.verify(secret, DOC_QUERY.replace("price=0.1", "price=0.2"), DOC_SIGNATURE)).isFalse();
        assertThat(HmacSigner.verify(secret, DOC_QUERY, DOC_SIGNATURE.substring(1))).isFalse();
    }

    @Test
    void thePayloadIsTheRawQueryThenTheRawBodyWithoutTheTrailingSignature() {
        final SignedPayload inQuery = SignedPayload.of(DOC_QUERY + "&signature=abc", "");
        assertThat(inQuery.payload()).isEqualTo(DOC_QUERY);
        assertThat(inQuery.signature()).isEqualTo("abc");

        final SignedPayload inBody = SignedPayload.of("symbol=LTCBTC&side=BUY",
            "quantity=1&price=0.1&timestamp=1&signature=def");
        assertThat(inBody.payload()).isEqualTo("symbol=LTCBTC&side=BUYquantity=1&price=0.1&timestamp=1");
        assertThat(inBody.signature()).isEqualTo("def");

        assertThat(SignedPayload.of("signature=only", null).payload()).isEmpty();
    }

    @Test
    void keepsPercentEncodingExactlyAsReceived() {
        final SignedPayload signed = SignedPayload.of("newClientOrderId=a%2Fb&timestamp=1&signature=ff", "");
        assertThat(signed.payload()).isEqualTo("newClientOrderId=a%2Fb&timestamp=1");
    }

    @Test
    void aSignatureThatIsNotTheLastParameterIsNoSignature() {
        assertThat(SignedPayload.of("signature=ab&timestamp=1", "")).isNull();
        assertThat(SignedPayload.of("timestamp=1", "")).isNull();
        assertThat(SignedPayload.of("timestamp=1&xsignature=ab", "")).isNull();
    }
}
