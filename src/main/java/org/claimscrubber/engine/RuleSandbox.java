package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What a rule may reach, checked on the bytecode Drools compiled from the DRL (consequences, evals,
 * functions), not on its text: rules are edited by compliance staff and run unattended, so a rule
 * that names {@code System.exit}, a file, a thread, a process or reflection is refused by {@code
 * rules check} and so by {@code run} and {@code test} (issue 21: {@code System.exit(0)} in a rule
 * gave exit 0 and no report).
 *
 * <p>The allow-list: the {@code domain} package the rules are written against, the classes Drools
 * compiles the DRL into, Drools' own rule-context types, and from the JDK the value types of
 * java.lang, java.util (its collections, streams, regex and functions), java.time, java.math and
 * java.text. Everything else is refused by name, with the rule's file.
 */
final class RuleSandbox {

    private static final List<String> ALLOWED_PREFIXES =
            List.of(
                    "org/claimscrubber/domain/",
                    "java/util/",
                    "java/time/",
                    "java/math/",
                    "java/text/",
                    // the types Drools' generated classes are built from: the rule context, facts'
                    // handles, tuples
                    "org/drools/",
                    "org/kie/api/runtime/rule/",
                    "org/kie/api/definition/rule/");
    private static final Set<String> DENIED_UNDER_ALLOWED =
            Set.of(
                    "java/util/ServiceLoader",
                    "java/util/Timer",
                    "java/util/prefs/",
                    "java/util/logging/",
                    "java/util/jar/",
                    "java/util/zip/",
                    "java/util/concurrent/",
                    "org/drools/util/IoUtils",
                    "org/drools/io/",
                    "org/drools/util/PortablePath",
                    "org/drools/wiring/",
                    "org/drools/core/common/",
                    "org/drools/compiler/");
    private static final Set<String> ALLOWED_JAVA_LANG =
            Set.of(
                    "Object",
                    "String",
                    "StringBuilder",
                    "StringBuffer",
                    "CharSequence",
                    "Math",
                    "StrictMath",
                    "Integer",
                    "Long",
                    "Short",
                    "Byte",
                    "Double",
                    "Float",
                    "Boolean",
                    "Character",
                    "Number",
                    "Enum",
                    "Comparable",
                    "Iterable",
                    "Record",
                    "Void",
                    "AutoCloseable",
                    "Deprecated",
                    "Override",
                    "SuppressWarnings",
                    "FunctionalInterface",
                    "SafeVarargs",
                    "Throwable",
                    "Exception",
                    "RuntimeException",
                    "Error",
                    "IllegalArgumentException",
                    "IllegalStateException",
                    "NullPointerException",
                    "ArithmeticException",
                    "IndexOutOfBoundsException",
                    "ArrayIndexOutOfBoundsException",
                    "StringIndexOutOfBoundsException",
                    "NumberFormatException",
                    "ClassCastException",
                    "UnsupportedOperationException",
                    "CloneNotSupportedException",
                    "Cloneable",
                    "Character$UnicodeBlock",
                    "Enum$EnumDesc",
                    "Integer$IntegerCache",
                    "Class");

    /**
     * java.lang.Class is named by Drools' generated code (class literals); of its methods only
     * these, which reach nothing, may be called: the rest (forName, getMethod, newInstance,
     * getClassLoader, ...) are reflection.
     */
    private static final Set<String> CLASS_METHODS =
            Set.of(
                    "getName",
                    "getSimpleName",
                    "getCanonicalName",
                    "desiredAssertionStatus",
                    "isInstance",
                    "cast",
                    "hashCode",
                    "equals",
                    "toString",
                    "isAssignableFrom",
                    "getTypeName",
                    "isArray",
                    "isEnum",
                    "isPrimitive");

    /**
     * Bootstrap methods javac emits for lambdas and string concatenation: allowed as bootstraps
     * only.
     */
    private static final Set<String> BOOTSTRAPS =
            Set.of(
                    "java/lang/invoke/LambdaMetafactory",
                    "java/lang/invoke/StringConcatFactory",
                    "java/lang/runtime/ObjectMethods",
                    "java/lang/runtime/SwitchBootstraps");

    private RuleSandbox() {}

    /** One class a rule names that it may not, and the compiled class that names it. */
    record Reach(String compiledClass, String named) {}

    /** The classes the packages' compiled code names outside the allow-list, in order. */
    static List<Reach> check(Collection<? extends KiePackage> packages) {
        List<Reach> reaches = new ArrayList<>();
        for (KiePackage kiePackage : packages) {
            if (!(kiePackage instanceof InternalKnowledgePackage pkg)) {
                continue;
            }
            Set<String> own = new TreeSet<>();
            Map<String, byte[]> store = Map.of();
            if (pkg.getDialectRuntimeRegistry().getDialectData("java")
                    instanceof JavaDialectRuntimeData java) {
                store = java.getStore();
            }
            for (String resource : store.keySet()) {
                own.add(resource.replace(".class", ""));
            }
            for (Map.Entry<String, byte[]> compiled : store.entrySet()) {
                for (String named : namedBy(compiled.getValue())) {
                    if (!allowed(named, own)) {
                        reaches.add(
                                new Reach(
                                        compiled.getKey().replace(".class", "").replace('/', '.'),
                                        named.replace('/', '.')));
                    }
                }
            }
        }
        return reaches;
    }

    static boolean allowed(String internalName, Set<String> ownClasses) {
        String name =
                internalName.startsWith("[")
                        ? Type.getType(internalName).getElementType().getInternalName()
                        : internalName;
        if (name.length() <= 1
                || ownClasses.contains(name)
                || ownClasses.contains(name.split("\\$")[0])) {
            return true; // a primitive, or a class compiled from the rules themselves
        }
        if (name.startsWith("java/lang/") && name.indexOf('/', "java/lang/".length()) < 0) {
            return ALLOWED_JAVA_LANG.contains(name.substring("java/lang/".length()));
        }
        for (String denied : DENIED_UNDER_ALLOWED) {
            if (name.startsWith(denied)) {
                return false;
            }
        }
        for (String prefix : ALLOWED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every class a compiled class names: in its fields', methods' and instructions' types and
     * owners.
     */
    private static Set<String> namedBy(byte[] bytecode) {
        Set<String> named = new TreeSet<>();
        ClassReader reader = new ClassReader(bytecode);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(
                            int version,
                            int access,
                            String name,
                            String signature,
                            String superName,
                            String[] interfaces) {
                        if (superName != null) {
                            named.add(superName);
                        }
                    }

                    @Override
                    public FieldVisitor visitField(
                            int access,
                            String name,
                            String descriptor,
                            String signature,
                            Object value) {
                        addDescriptor(named, descriptor);
                        return null;
                    }

                    @Override
                    public MethodVisitor visitMethod(
                            int access,
                            String name,
                            String descriptor,
                            String signature,
                            String[] exceptions) {
                        addDescriptor(named, descriptor);
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitTypeInsn(int opcode, String type) {
                                named.add(type);
                            }

                            @Override
                            public void visitFieldInsn(
                                    int opcode,
                                    String owner,
                                    String fieldName,
                                    String fieldDescriptor) {
                                named.add(owner);
                                addDescriptor(named, fieldDescriptor);
                            }

                            @Override
                            public void visitMethodInsn(
                                    int opcode,
                                    String owner,
                                    String methodName,
                                    String methodDescriptor,
                                    boolean isInterface) {
                                named.add(
                                        owner.equals("java/lang/Class")
                                                        && !CLASS_METHODS.contains(methodName)
                                                ? "java/lang/Class." + methodName
                                                : owner);
                                addDescriptor(named, methodDescriptor);
                            }

                            @Override
                            public void visitInvokeDynamicInsn(
                                    String indyName,
                                    String indyDescriptor,
                                    Handle bootstrap,
                                    Object... arguments) {
                                if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                                    named.add(bootstrap.getOwner());
                                }
                                addDescriptor(named, indyDescriptor);
                                for (Object argument : arguments) {
                                    if (argument instanceof Handle handle) {
                                        named.add(handle.getOwner());
                                        addDescriptor(named, handle.getDesc());
                                    } else if (argument instanceof Type type) {
                                        addType(named, type);
                                    }
                                }
                            }

                            @Override
                            public void visitLdcInsn(Object value) {
                                if (value instanceof Type type) {
                                    // a class literal names its class; what it may call is checked
                                    addType(named, type);
                                } else if (value instanceof Handle handle) {
                                    named.add(handle.getOwner());
                                }
                            }

                            @Override
                            public void visitMultiANewArrayInsn(
                                    String arrayDescriptor, int dimensions) {
                                addDescriptor(named, arrayDescriptor);
                            }
                        };
                    }
                },
                ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return named;
    }

    private static void addDescriptor(Set<String> named, String descriptor) {
        addType(named, Type.getType(descriptor));
    }

    private static void addType(Set<String> named, Type type) {
        switch (type.getSort()) {
            case Type.METHOD -> {
                addType(named, type.getReturnType());
                for (Type argument : type.getArgumentTypes()) {
                    addType(named, argument);
                }
            }
            case Type.ARRAY -> addType(named, type.getElementType());
            case Type.OBJECT -> named.add(type.getInternalName());
            default -> {
                // a primitive names no class
            }
        }
    }
}
