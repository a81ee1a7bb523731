package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ValueResolver;
import org.drools.core.common.BaseNode;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * Which rules can read which reference facts, worked out from the compiled network: a fact is read
 * by a rule when it passes the rule's own constraints on that fact (e.g. {@code relationship ==
 * SAME_SESSION}) and reaches the rule's joins. A related-CPT row no interpretation classifies, for
 * example, is read by no rule. Used by {@code rules list} (the documents a rule draws on) and
 * {@code test --coverage}.
 */
public final class FactReaders {

    private final CompiledRules rules;
    private final Map<Object, Set<String>> readers = new IdentityHashMap<>();

    private FactReaders(CompiledRules rules) {
        this.rules = rules;
    }

    /** The rule ids that read each fact; a fact no rule reads maps to an empty set. */
    public static Map<Object, Set<String>> of(CompiledRules rules, List<?> facts) {
        FactReaders analysis = new FactReaders(rules);
        KieBase kieBase = rules.statefulKieBase();
        InternalRuleBase base = (InternalRuleBase) kieBase;
        KieSession session = kieBase.newKieSession();
        try {
            ValueResolver resolver = (ValueResolver) session;
            List<ObjectTypeNode> typeNodes = new ArrayList<>(base.getRete().getObjectTypeNodes());
            long id = 1;
            for (Object fact : facts) {
                Set<String> ids = new LinkedHashSet<>();
                DefaultFactHandle handle = new DefaultFactHandle(id++, fact);
                for (ObjectTypeNode node : typeNodes) {
                    if (node.getObjectType() instanceof ClassObjectType type
                            && type.getClassType().isInstance(fact)) {
                        analysis.walk(node, handle, resolver, ids);
                    }
                }
                analysis.readers.put(fact, ids);
            }
        } finally {
            session.dispose();
        }
        return analysis.readers;
    }

    /** Follows the alpha constraints the fact passes; any other node is where a rule reads it. */
    private void walk(
            ObjectSource source,
            DefaultFactHandle handle,
            ValueResolver resolver,
            Set<String> ids) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (sink instanceof AlphaNode alpha) {
                if (passes(alpha, handle, resolver)) {
                    walk(alpha, handle, resolver, ids);
                }
            } else if (sink instanceof BaseNode node) {
                for (Rule rule : node.getAssociatedRules()) {
                    ids.add(rules.metadataOf(rule.getName()).id());
                }
            }
        }
    }

    private static boolean passes(
            AlphaNode alpha, DefaultFactHandle handle, ValueResolver resolver) {
        try {
            return alpha.getConstraint().isAllowed(handle, resolver);
        } catch (RuntimeException e) {
            // a constraint that cannot be judged alone: assume the rule may read the fact
            return true;
        }
    }
}
