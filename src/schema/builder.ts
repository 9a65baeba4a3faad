import SchemaBuilder from "@pothos/core";

/**
 * The one SchemaBuilder of the API. Pothos 4 makes every field nullable by default;
 * here fields are non-null unless a field says otherwise, because most values in the
 * dataset are guaranteed and a nullable field must be a deliberate, documented choice.
 */
export const builder = new SchemaBuilder<{
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
});

builder.queryType({
  description: "The entry points of the Swedish export promotion API.",
});
