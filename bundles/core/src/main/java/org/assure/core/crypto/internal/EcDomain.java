package org.assure.core.crypto.internal;

import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.assure.core.crypto.EcCurve;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;

/**
 * Domain parameters of one supported curve, on BouncyCastle's specialised curve implementations (much faster
 * than the generic prime-field arithmetic). Every EC operation of this bundle goes through these instances, so
 * precomputation on the generator is shared.
 */
public final class EcDomain {
    private static final Map<EcCurve, EcDomain> DOMAINS = new EnumMap<>(EcCurve.class);

    static {
        for (EcCurve curve : EcCurve.values()) {
            DOMAINS.put(curve, new EcDomain(curve));
        }
    }

    private final EcCurve curve;
    private final ASN1ObjectIdentifier oid;
    private final ECDomainParameters parameters;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger b;
    private final BigInteger gx;
    private final BigInteger gy;

    private EcDomain(EcCurve curve) {
        this.curve = curve;
        this.oid = new ASN1ObjectIdentifier(curve.oid());
        X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
        this.parameters = new ECDomainParameters(x9);
        ECCurve c = x9.getCurve();
        this.p = c.getField().getCharacteristic();
        this.a = c.getA().toBigInteger();
        this.b = c.getB().toBigInteger();
        org.bouncycastle.math.ec.ECPoint g = x9.getG().normalize();
        this.gx = g.getAffineXCoord().toBigInteger();
        this.gy = g.getAffineYCoord().toBigInteger();
    }

    public static EcDomain of(EcCurve curve) {
        return DOMAINS.get(curve);
    }

    /** The supported curve with this named-curve OID. */
    public static Optional<EcDomain> forOid(ASN1ObjectIdentifier oid) {
        return EcCurve.fromOid(oid.getId()).map(DOMAINS::get);
    }

    /** The supported curve that {@code spec} describes, compared parameter by parameter. */
    public static Optional<EcDomain> forSpec(ECParameterSpec spec) {
        for (EcDomain domain : DOMAINS.values()) {
            if (domain.matches(spec)) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }

    /**
     * The curve of an EC key.
     *
     * @throws IllegalArgumentException if the key is not an EC key on a supported curve
     */
    public static EcDomain forKey(Key key) {
        if (!(key instanceof ECKey ecKey)) {
            throw new IllegalArgumentException("not an EC key");
        }
        return forSpec(ecKey.getParams()).orElseThrow(() -> new IllegalArgumentException("EC key on an unsupported curve"));
    }

    public EcCurve curve() {
        return curve;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public ECDomainParameters parameters() {
        return parameters;
    }

    public BigInteger order() {
        return parameters.getN();
    }

    /**
     * The point at {@code w} on this curve.
     *
     * @throws IllegalArgumentException if it is not a valid point of the group
     */
    public org.bouncycastle.math.ec.ECPoint point(ECPoint w) {
        if (w == ECPoint.POINT_INFINITY) {
            throw new IllegalArgumentException("point at infinity");
        }
        return parameters.validatePublicPoint(parameters.getCurve().createPoint(w.getAffineX(), w.getAffineY()));
    }

    /**
     * Decodes an SEC 1 point (compressed or uncompressed).
     *
     * @throws IllegalArgumentException if the encoding is invalid or the point is not a valid group element
     */
    public org.bouncycastle.math.ec.ECPoint decodePoint(byte[] encoded) {
        return parameters.validatePublicPoint(parameters.getCurve().decodePoint(encoded));
    }

    private boolean matches(ECParameterSpec spec) {
        if (spec == null || !(spec.getCurve().getField() instanceof ECFieldFp field)) {
            return false;
        }
        ECPoint g = spec.getGenerator();
        return spec.getOrder().equals(parameters.getN())
                && BigInteger.valueOf(spec.getCofactor()).equals(parameters.getH())
                && field.getP().equals(p)
                && spec.getCurve().getA().equals(a)
                && spec.getCurve().getB().equals(b)
                && g.getAffineX().equals(gx)
                && g.getAffineY().equals(gy);
    }
}
