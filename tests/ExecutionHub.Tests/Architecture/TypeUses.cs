using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ExecutionHub.Tests.Architecture;

/// <summary>
/// Which types each top-level type of an assembly uses, read from its IL: signatures, attributes,
/// locals and every type, method and field an instruction names. A nested type (a lambda's closure,
/// an async state machine, a nested record) counts as its outermost type, so "who calls X" names
/// the class a newcomer would open. NetArchTest answers "does a type depend on a namespace"; this
/// answers "which type uses which", which the handler rule needs to name both ends.
/// </summary>
internal static class TypeUses
{
    /// <summary>Top-level type (reflection's full name) → the full names of the types it uses, itself excluded.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Of(Assembly assembly)
    {
        using var definition = AssemblyDefinition.ReadAssembly(assembly.Location);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in definition.MainModule.Types)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            Collect(type, used);
            used.Remove(NameOf(type));
            uses[NameOf(type)] = used;
        }

        return uses;
    }

    private static void Collect(TypeDefinition type, HashSet<string> used)
    {
        Add(type.BaseType, used);
        AddAttributes(type, used);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType, used);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType, used);
            AddAttributes(field, used);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType, used);
            AddAttributes(property, used);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method, used);
        }

        foreach (var nested in type.NestedTypes)
        {
            Collect(nested, used);
        }
    }

    private static void AddMethod(MethodDefinition method, HashSet<string> used)
    {
        AddAttributes(method, used);
        Add(method.ReturnType, used);
        foreach (var parameter in method.Parameters)
        {
            Add(parameter.ParameterType, used);
        }

        if (!method.HasBody)
        {
            return;
        }

        foreach (var variable in method.Body.Variables)
        {
            Add(variable.VariableType, used);
        }

        foreach (var instruction in method.Body.Instructions)
        {
            AddOperand(instruction, used);
        }
    }

    private static void AddOperand(Instruction instruction, HashSet<string> used)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                Add(type, used);
                break;
            case GenericInstanceMethod generic:
                Add(generic.DeclaringType, used);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, used);
                }

                break;
            case MethodReference method:
                Add(method.DeclaringType, used);
                break;
            case FieldReference field:
                Add(field.DeclaringType, used);
                break;
        }
    }

    private static void AddAttributes(Mono.Cecil.ICustomAttributeProvider provider, HashSet<string> used)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            Add(attribute.AttributeType, used);
        }
    }

    private static void Add(TypeReference? type, HashSet<string> used)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, used);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, used);
                }

                return;
            case TypeSpecification specification:
                // Arrays, by-ref parameters, pointers: what counts is the element.
                Add(specification.ElementType, used);
                return;
            default:
                used.Add(NameOf(type));
                return;
        }
    }

    /// <summary>The outermost declaring type's name, spelled like <see cref="Type.FullName"/>.</summary>
    private static string NameOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.FullName;
    }
}
