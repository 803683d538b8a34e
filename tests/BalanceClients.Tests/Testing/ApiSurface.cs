using System.Reflection;
using System.Text;

namespace BalanceClients.Tests.Testing;

/// <summary>The public API of types, as text read by reflection: one line per type and per member, in a stable order.</summary>
internal static class ApiSurface
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Describe(IEnumerable<Type> types)
    {
        var text = new StringBuilder();
        foreach (var type in types.Where(t => t.IsVisible).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            var bases = new[] { type.BaseType }
                .Where(b => b is not null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
                .Concat(type.GetInterfaces().Where(i => i.IsVisible && !(type.BaseType?.GetInterfaces().Contains(i) ?? false)))
                .Select(b => Name(b!)).Order(StringComparer.Ordinal).ToList();
            if (bases.Count > 0)
            {
                text.Append(" : ").AppendJoin(", ", bases);
            }

            text.Append('\n');
            var members = type.GetMembers(Declared).Where(IsVisible).Select(Member).Where(m => m.Length > 0).Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        ConstructorInfo ctor => (ctor.IsPublic || ctor.IsFamily || ctor.IsFamilyOrAssembly) && !ctor.IsStatic,
        MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly)
            && !method.IsSpecialName
            && !method.Name.StartsWith('<'),
        FieldInfo field => (field.IsPublic || field.IsFamily) && !field.IsSpecialName,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily),
        EventInfo @event => @event.AddMethod?.IsPublic == true,
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
        _ => false,
    };

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo ctor => $"{Access(ctor)}ctor({Parameters(ctor)})",
        MethodInfo method =>
            $"{Access(method)}{Modifiers(method)}{Name(method.ReturnType)} {method.Name}{Generic(method)}({Parameters(method)})",
        PropertyInfo property =>
            $"{Access(property.GetAccessors(true).First())}{Name(property.PropertyType)} {property.Name} {{ {Accessors(property)}}}",
        FieldInfo field => $"{(field.IsPublic ? "public " : "protected ")}"
            + $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}"
            + $"{Name(field.FieldType)} {field.Name}",
        EventInfo @event => $"public event {Name(@event.EventHandlerType!)} {@event.Name}",
        _ => string.Empty,
    };

    private static string Access(MethodBase method) =>
        (method.IsPublic ? "public " : "protected ") + (method.IsStatic ? "static " : string.Empty);

    private static string Modifiers(MethodInfo method) =>
        method.IsAbstract ? "abstract "
        : method.IsVirtual && !method.IsFinal ? (method.GetBaseDefinition() != method ? "override " : "virtual ")
        : string.Empty;

    private static string Accessors(PropertyInfo property) =>
        (property.GetMethod is { } get && (get.IsPublic || get.IsFamily) ? "get; " : string.Empty)
        + (property.SetMethod is { } set && (set.IsPublic || set.IsFamily)
            ? (set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? "init; " : "set; ")
            : string.Empty);

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : string.Empty;

    private static string Parameters(MethodBase method) =>
        string.Join(
            ", ",
            method.GetParameters().Select(p =>
                $"{Name(p.ParameterType)} {p.Name}"
                + (p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "default") : string.Empty)));

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct"
        : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
        : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var name = type.IsGenericParameter
            ? type.Name
            : (type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name);
        if (!type.IsGenericType)
        {
            return name;
        }

        return name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
