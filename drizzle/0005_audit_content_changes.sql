-- What an autosave changed, computed where both contents are (the stored row and the new content),
-- so that a save is one statement and the server never reads the old content back. Keys as the
-- audit log has always written them: "values.<code>", "narratives.<key>", "nil", "document",
-- "window", "comparison"; texts longer than 300 characters are cut with "…".
CREATE OR REPLACE FUNCTION audit_small(v jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  CASE jsonb_typeof(v)
    WHEN 'string' THEN
      IF char_length(v #>> '{}') > 300 THEN
        RETURN to_jsonb(left(v #>> '{}', 300) || '…');
      END IF;
      RETURN v;
    WHEN 'array' THEN
      RETURN (SELECT coalesce(jsonb_agg(audit_small(e) ORDER BY i), '[]'::jsonb)
        FROM jsonb_array_elements(v) WITH ORDINALITY AS t(e, i));
    WHEN 'object' THEN
      RETURN (SELECT coalesce(jsonb_object_agg(k, audit_small(e)), '{}'::jsonb) FROM jsonb_each(v) AS t(k, e));
    ELSE
      RETURN v;
  END CASE;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_content_changes(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  -- Each part is read out of the (possibly compressed, out-of-line) documents once.
  field text;
  k text;
  x jsonb;
  y jsonb;
  old_part jsonb;
  new_part jsonb;
  before jsonb := '{}'::jsonb;
  after jsonb := '{}'::jsonb;
BEGIN
  FOREACH field IN ARRAY ARRAY['values', 'narratives'] LOOP
    x := a -> field;
    y := b -> field;
    IF jsonb_typeof(x) IS DISTINCT FROM 'object' THEN x := '{}'::jsonb; END IF;
    IF jsonb_typeof(y) IS DISTINCT FROM 'object' THEN y := '{}'::jsonb; END IF;
    FOR k IN SELECT jsonb_object_keys(x) UNION SELECT jsonb_object_keys(y) LOOP
      old_part := x -> k;
      new_part := y -> k;
      IF old_part IS DISTINCT FROM new_part THEN
        before := before || jsonb_build_object(field || '.' || k, audit_small(coalesce(old_part, 'null'::jsonb)));
        after := after || jsonb_build_object(field || '.' || k, audit_small(coalesce(new_part, 'null'::jsonb)));
      END IF;
    END LOOP;
  END LOOP;
  FOREACH field IN ARRAY ARRAY['nil', 'document', 'window', 'comparison'] LOOP
    old_part := a -> field;
    new_part := b -> field;
    IF old_part IS DISTINCT FROM new_part THEN
      before := before || jsonb_build_object(field, audit_small(coalesce(old_part, 'null'::jsonb)));
      after := after || jsonb_build_object(field, audit_small(coalesce(new_part, 'null'::jsonb)));
    END IF;
  END LOOP;
  RETURN jsonb_build_object('before', before, 'after', after);
END
$$;
