-- A search by name prefix within a township or village read every member in the database whose name starts so (the
-- whole surname, 15,000-23,000 index entries for 黄 with four 20,000-household counties loaded) and hashed them against
-- the township's households: its cost grew with the whole database, not with the division searched. Each member now
-- carries its household's township (the first nine digits of the village code), and one index leads with it, so such a
-- search reads only the members of that township whose name starts so, and a county's search one seek per township.
--
-- The database keeps the column: it is set from the household when a member is stored or moves to another household,
-- and follows the household when the household moves to another township. No application path writes it.
alter table member add column township_code varchar(9);

update member m set township_code = left(h.village_code, 9) from household h where h.id = m.household_id;

alter table member alter column township_code set not null;

create function member_township() returns trigger language plpgsql as $$
begin
    select left(h.village_code, 9) into strict new.township_code from household h where h.id = new.household_id;
    return new;
end
$$;

create trigger member_township_on_insert before insert on member
    for each row execute function member_township();

create trigger member_township_on_move before update of household_id, township_code on member
    for each row when (old.household_id is distinct from new.household_id
                       or old.township_code is distinct from new.township_code)
    execute function member_township();

create function household_members_township() returns trigger language plpgsql as $$
begin
    update member set township_code = left(new.village_code, 9) where household_id = new.id;
    return null;
end
$$;

create trigger household_members_township after update of village_code on household
    for each row when (left(old.village_code, 9) is distinct from left(new.village_code, 9))
    execute function household_members_township();

create index member_township_name on member (township_code, name text_pattern_ops) include (household_id)
    where status = 'ACTIVE';
