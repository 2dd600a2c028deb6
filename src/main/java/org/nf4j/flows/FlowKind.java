package org.nf4j.flows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The flows nf4j offers by name, and how to build K steps of each. */
public enum FlowKind {
    PLANAR("planar", true) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return raw != null ? PlanarFlow.amortised(sd, name, dim, k, raw, o.planarCentred())
                    : PlanarFlow.global(sd, name, dim, k, rng);
        }

        @Override
        public int amortisedSize(int dim, int k) {
            return k * PlanarFlow.paramsPerStep(dim);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return PlanarFlow.grouped(sd, name, dim, k, membership, groups, rng);
        }
    },
    RADIAL("radial", true) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return raw != null ? RadialFlow.amortised(sd, name, dim, k, raw) : RadialFlow.global(sd, name, dim, k, rng);
        }

        @Override
        public int amortisedSize(int dim, int k) {
            return k * RadialFlow.paramsPerStep(dim);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return RadialFlow.grouped(sd, name, dim, k, membership, groups, rng);
        }
    },
    NICE_PERM("nice-perm", false) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return NiceFlow.build(sd, name, dim, k, NiceFlow.Mixing.PERMUTATION, o.niceHidden(), o.niceGain(),
                    o.niceScaling(), rng);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return NiceFlow.build(sd, name, dim, k, NiceFlow.Mixing.PERMUTATION, o.niceHidden(), o.niceGain(),
                    o.niceScaling(), membership, groups, rng);
        }
    },
    NICE_ORTH("nice-orth", false) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return NiceFlow.build(sd, name, dim, k, NiceFlow.Mixing.ORTHOGONAL, o.niceHidden(), o.niceGain(),
                    o.niceScaling(), rng);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return NiceFlow.build(sd, name, dim, k, NiceFlow.Mixing.ORTHOGONAL, o.niceHidden(), o.niceGain(),
                    o.niceScaling(), membership, groups, rng);
        }
    },
    CIRCULAR("circular", false) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return CircularConvolution.global(sd, name, dim, k, o.circularNoise(), rng);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return CircularConvolution.grouped(sd, name, dim, k, o.circularNoise(), membership, groups, rng);
        }
    },
    HOUSEHOLDER("householder", true) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return raw != null ? HouseholderFlow.amortised(sd, name, dim, k, raw) : HouseholderFlow.global(sd, name, dim, k, rng);
        }

        @Override
        public int amortisedSize(int dim, int k) {
            return k * HouseholderFlow.paramsPerStep(dim);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return HouseholderFlow.grouped(sd, name, dim, k, membership, groups, rng);
        }
    },
    SYLVESTER("sylvester", true) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return raw != null ? SylvesterFlow.amortised(sd, name, dim, k, raw) : SylvesterFlow.global(sd, name, dim, k, rng);
        }

        @Override
        public int amortisedSize(int dim, int k) {
            return k * SylvesterFlow.paramsPerStep(dim);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return SylvesterFlow.grouped(sd, name, dim, k, membership, groups, rng);
        }
    },
    /** Orthogonal Sylvester flow with M = ceil(d/2) columns: {@link #sylvesterColumns}. */
    SYLVESTER_ORTH("sylvester-orth", true) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return SylvesterFlow.of(sd, name, SylvesterFlow.Variant.orthogonal(sylvesterColumns(dim)), dim, k, raw, rng);
        }

        @Override
        public int amortisedSize(int dim, int k) {
            return k * SylvesterFlow.Variant.orthogonal(sylvesterColumns(dim)).paramsPerStep(dim);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return SylvesterFlow.grouped(sd, name, SylvesterFlow.Variant.orthogonal(sylvesterColumns(dim)), dim, k,
                    membership, groups, rng);
        }
    },
    /** Householder Sylvester flow with H = min(8, d) reflections: {@link #sylvesterReflections}. */
    SYLVESTER_HOUSEHOLDER("sylvester-householder", true) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return SylvesterFlow.of(sd, name, SylvesterFlow.Variant.householder(sylvesterReflections(dim)), dim, k, raw, rng);
        }

        @Override
        public int amortisedSize(int dim, int k) {
            return k * SylvesterFlow.Variant.householder(sylvesterReflections(dim)).paramsPerStep(dim);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return SylvesterFlow.grouped(sd, name, SylvesterFlow.Variant.householder(sylvesterReflections(dim)), dim, k,
                    membership, groups, rng);
        }
    },
    /** Inverse autoregressive flow (scale sigma in (0, 1)); amortised, its MADEs get a context from the encoder. */
    IAF("iaf", true) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return iaf(InverseAutoregressiveFlow.Scale.GATED, sd, name, dim, k, raw, o, rng);
        }

        @Override
        public int amortisedSize(int dim, int k) {
            return InverseAutoregressiveFlow.contextSize(k, InverseAutoregressiveFlow.defaultHidden(dim));
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return InverseAutoregressiveFlow.grouped(sd, name, InverseAutoregressiveFlow.Scale.GATED, dim, k,
                    InverseAutoregressiveFlow.defaultHidden(dim), o.niceGain(), groups, rng);
        }
    },
    /** The IAF with its scale widened to 2 sigma in (0, 2), starting at 1: steps can also expand volume. */
    IAF_WIDE("iaf-wide", true) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return iaf(InverseAutoregressiveFlow.Scale.WIDE, sd, name, dim, k, raw, o, rng);
        }

        @Override
        public int amortisedSize(int dim, int k) {
            return IAF.amortisedSize(dim, k);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return InverseAutoregressiveFlow.grouped(sd, name, InverseAutoregressiveFlow.Scale.WIDE, dim, k,
                    InverseAutoregressiveFlow.defaultHidden(dim), o.niceGain(), groups, rng);
        }
    },
    /** Real NVP's affine coupling with NICE's networks (niceHidden, niceGain) and folded permutations. */
    AFFINE_COUPLING("affine-coupling", false) {
        @Override
        Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions o, Random rng) {
            return AffineCouplingFlow.build(sd, name, dim, k, o.niceHidden(), o.niceGain(), 1, rng);
        }

        @Override
        Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions o,
                           Random rng) {
            return AffineCouplingFlow.build(sd, name, dim, k, o.niceHidden(), o.niceGain(), groups, rng);
        }
    };

    /**
     * M of {@link #SYLVESTER_ORTH}: ceil(d/2), 20 of 40 in the DLGM as the paper's 32 of 64; 1 in 2-D,
     * where M = 2 would make it the Householder variant with H = 2.
     */
    static int sylvesterColumns(int dim) {
        return (dim + 1) / 2;
    }

    /** K IAF steps with the default MADE, amortised by {@code raw} or global when it is null. */
    private static Flow iaf(InverseAutoregressiveFlow.Scale scale, SameDiff sd, String name, int dim, int k, SDVariable raw,
                            FlowOptions o, Random rng) {
        int[] hidden = InverseAutoregressiveFlow.defaultHidden(dim);
        return raw != null ? InverseAutoregressiveFlow.amortised(sd, name, scale, dim, k, hidden, o.niceGain(), raw, rng)
                : InverseAutoregressiveFlow.global(sd, name, scale, dim, k, hidden, o.niceGain(), rng);
    }

    /** H of {@link #SYLVESTER_HOUSEHOLDER}: 8 (van den Berg et al.'s default), at most d. */
    static int sylvesterReflections(int dim) {
        return Math.min(8, dim);
    }

    private final String id;
    private final boolean amortisable;

    FlowKind(String id, boolean amortisable) {
        this.id = id;
        this.amortisable = amortisable;
    }

    /**
     * The name users type: planar, radial, nice-perm, nice-orth, circular, householder, sylvester,
     * sylvester-orth, sylvester-householder, iaf, iaf-wide, affine-coupling (also a flow's text in settings and
     * JSON files).
     */
    @JsonValue
    public String id() {
        return id;
    }

    /** Whether the parameters can be given per example (by an encoder). */
    public boolean amortisable() {
        return amortisable;
    }

    /** Raw parameters per example of K amortised steps; 0 for flows with global parameters only. */
    public int amortisedSize(int dim, int k) {
        return 0;
    }

    abstract Flow create(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions options, Random rng);

    /** K steps with global parameters initialised from {@code rng}. */
    public Flow global(SameDiff sd, String name, int dim, int k, FlowOptions options, Random rng) {
        checkSteps(k);
        return create(sd, name, dim, k, null, options, rng);
    }

    /**
     * K steps whose parameters come per example from {@code raw [batch, amortisedSize(dim, k)]} for
     * amortisable flows; the others get global parameters and ignore {@code raw} (pass null).
     */
    public Flow amortised(SameDiff sd, String name, int dim, int k, SDVariable raw, FlowOptions options, Random rng) {
        checkSteps(k);
        if (amortisable && raw == null) {
            throw new IllegalArgumentException(id + " is amortised here: it needs its raw parameters");
        }
        return create(sd, name, dim, k, amortisable ? raw : null, options, rng);
    }

    abstract Flow createGrouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups,
                                FlowOptions options, Random rng);

    /**
     * {@code groups} independent copies of {@link #global} with the same {@code rng}, trained side by
     * side in one graph: fewer, larger ops than {@code groups} separate graphs. The input rows are
     * ordered by group, the same number per group, and {@code membership [rows, groups]} is each
     * row's one-hot group ({@link Groups#membership}). Every variable of the global flow exists under
     * the same name with the groups' copies stacked along axis 0 ({@link Groups#part} takes one out),
     * all starting at the global flow's initial values; group g's rows see only group g's copy, so
     * the gradient of a sum of per-group losses is, per group, that group's own gradient.
     */
    public Flow grouped(SameDiff sd, String name, int dim, int k, SDVariable membership, int groups, FlowOptions options,
                        Random rng) {
        checkSteps(k);
        if (groups < 1) {
            throw new IllegalArgumentException("need at least one group, got " + groups);
        }
        return createGrouped(sd, name, dim, k, membership, groups, options, rng);
    }

    private static void checkSteps(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a flow needs K >= 1 steps, got " + k);
        }
    }

    /**
     * The kind named {@code id}, or an error listing the valid names. {@code nice} is short for
     * {@code nice-perm}, the NICE of the paper's Table 2.
     */
    @JsonCreator
    public static FlowKind parse(String id) {
        if ("nice".equalsIgnoreCase(id)) {
            return NICE_PERM;
        }
        for (FlowKind f : values()) {
            if (f.id.equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown flow '" + id + "'; choose one of: " + names());
    }

    /** The valid names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(FlowKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
