using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace BalanceClients.Tests.Testing;

/// <summary>
/// Which namespace of an assembly uses which, read from its compiled metadata: base types, interfaces, attributes, signatures,
/// generic arguments and every type, method and field a method body names. A type nested in another (a lambda's closure, an
/// async state machine) counts as its outermost type.
/// </summary>
internal sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    private readonly MetadataReader _reader;
    private readonly PEReader _pe;
    private readonly Dictionary<string, HashSet<string>> _uses = new(StringComparer.Ordinal);

    private NamespaceGraph(PEReader pe)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
    }

    /// <summary>The namespaces each namespace uses (never itself), by namespace.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Uses => _uses;

    /// <summary>Reads an assembly's graph.</summary>
    /// <param name="path">The assembly's file.</param>
    /// <returns>The graph.</returns>
    public static NamespaceGraph Of(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var graph = new NamespaceGraph(pe);
        foreach (var handle in graph._reader.TypeDefinitions)
        {
            graph.AddType(handle);
        }

        return graph;
    }

    private void AddType(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        var from = NamespaceOf(handle);
        var used = new HashSet<TypeDefinitionHandle>();
        var provider = new TypeCollector(used);
        AddHandle(type.BaseType, used, provider);
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            AddHandle(_reader.GetInterfaceImplementation(implementation).Interface, used, provider);
        }

        AddAttributes(type.GetCustomAttributes(), used, provider);
        foreach (var field in type.GetFields().Select(_reader.GetFieldDefinition))
        {
            field.DecodeSignature(provider, null);
            AddAttributes(field.GetCustomAttributes(), used, provider);
        }

        foreach (var property in type.GetProperties().Select(_reader.GetPropertyDefinition))
        {
            property.DecodeSignature(provider, null);
            AddAttributes(property.GetCustomAttributes(), used, provider);
        }

        foreach (var method in type.GetMethods().Select(_reader.GetMethodDefinition))
        {
            method.DecodeSignature(provider, null);
            AddAttributes(method.GetCustomAttributes(), used, provider);
            if (method.RelativeVirtualAddress != 0)
            {
                AddBody(_pe.GetMethodBody(method.RelativeVirtualAddress), used, provider);
            }
        }

        foreach (var target in used.Select(NamespaceOf).Where(ns => ns != from))
        {
            (_uses.TryGetValue(from, out var targets) ? targets : _uses[from] = new HashSet<string>(StringComparer.Ordinal)).Add(target);
        }
    }

    private void AddBody(MethodBodyBlock body, HashSet<TypeDefinitionHandle> used, TypeCollector provider)
    {
        if (!body.LocalSignature.IsNil)
        {
            _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
        }

        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var value = first == 0xFE ? (short)(0xFE00 | il.ReadByte()) : first;
            switch (OperandTypes[value])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    AddHandle(MetadataTokens.EntityHandle(il.ReadInt32()), used, provider);
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar or OperandType.ShortInlineR:
                    il.Offset += OperandTypes[value] == OperandType.ShortInlineR ? 4 : 1;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
    }

    private void AddAttributes(CustomAttributeHandleCollection attributes, HashSet<TypeDefinitionHandle> used, TypeCollector provider)
    {
        foreach (var attribute in attributes)
        {
            AddHandle(_reader.GetCustomAttribute(attribute).Constructor, used, provider);
        }
    }

    private void AddHandle(EntityHandle handle, HashSet<TypeDefinitionHandle> used, TypeCollector provider)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                used.Add((TypeDefinitionHandle)handle);
                break;
            case HandleKind.TypeSpecification:
                _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null);
                break;
            case HandleKind.MethodDefinition:
                used.Add(_reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.FieldDefinition:
                used.Add(_reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.MemberReference:
                var member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                AddHandle(member.Parent, used, provider);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    member.DecodeMethodSignature(provider, null);
                }
                else
                {
                    member.DecodeFieldSignature(provider, null);
                }

                break;
            case HandleKind.MethodSpecification:
                var specification = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                AddHandle(specification.Method, used, provider);
                specification.DecodeSignature(provider, null);
                break;
        }
    }

    // The namespace of a type, or of the type it is nested in.
    private string NamespaceOf(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = _reader.GetTypeDefinition(type.GetDeclaringType());
        }

        return _reader.GetString(type.Namespace);
    }

    /// <summary>Decodes signatures, keeping every type of this assembly they name.</summary>
    private sealed class TypeCollector(HashSet<TypeDefinitionHandle> used) : ISignatureTypeProvider<object?, object?>
    {
        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            used.Add(handle);
            return null;
        }

        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;

        public object? GetTypeFromSpecification(
            MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public object? GetSZArrayType(object? elementType) => null;

        public object? GetArrayType(object? elementType, ArrayShape shape) => null;

        public object? GetByReferenceType(object? elementType) => null;

        public object? GetPointerType(object? elementType) => null;

        public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;

        public object? GetGenericMethodParameter(object? genericContext, int index) => null;

        public object? GetGenericTypeParameter(object? genericContext, int index) => null;

        public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;

        public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;

        public object? GetPinnedType(object? elementType) => null;

        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
    }
}
