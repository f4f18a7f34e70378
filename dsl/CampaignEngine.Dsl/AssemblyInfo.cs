// ANTLR's generated parser is not CLS-compliant (CS3021); the DSL's public API does not need to be.
[assembly: System.CLSCompliant(false)]
