-- A new member arrives with its household's township (the application takes it from the household as it stores the
-- member): the insert trigger of V25 looked the household up again for every member, about a third of the time a
-- county's import spent inserting its 75,000 members. It now runs only for an insert that leaves the township out,
-- and still fills it from the household then. Moves (a member to another household, a household to another township)
-- keep their triggers.
drop trigger member_township_on_insert on member;

create trigger member_township_on_insert before insert on member
    for each row when (new.township_code is null) execute function member_township();
